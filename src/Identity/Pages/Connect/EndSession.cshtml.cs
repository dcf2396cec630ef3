using GonPortal.Identity.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Server.AspNetCore;

namespace GonPortal.Identity.Pages.Connect;

/// <summary>
/// /connect/endsession (OpenIddict passthrough; it has validated client and post_logout_redirect_uri by now).
/// A GET only asks for confirmation: a link or image on any site could otherwise sign people out. The sign-out
/// itself is this page's POST, which Razor Pages refuses without the antiforgery token from the GET's form.
/// </summary>
public sealed class EndSessionModel(SignInManager<GonUser> signIn) : PageModel
{
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public IActionResult OnGet()
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        Parameters = request.GetParameters()
            .Select(parameter => new KeyValuePair<string, string>(parameter.Key, (string?)parameter.Value ?? ""))
            .Where(parameter => parameter.Value != "")
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();

        // OpenIddict then redirects to the validated post_logout_redirect_uri, or to "/" without one.
        return SignOut(new AuthenticationProperties { RedirectUri = "/" }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
