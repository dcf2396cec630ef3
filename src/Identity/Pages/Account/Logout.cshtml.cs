using GonPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GonPortal.Identity.Pages.Account;

/// <summary>Local logout from the landing page (POST only, antiforgery-protected). Clients use /connect/endsession.</summary>
public sealed class LogoutModel(SignInManager<GonUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
