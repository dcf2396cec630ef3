using GonPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GonPortal.Identity.Pages;

/// <summary>Landing page, also where the end-session endpoint sends users without a return address.</summary>
public sealed class IndexModel(UserManager<GonUser> users) : PageModel
{
    public string? DisplayName { get; private set; }

    public string? OrganisationName { get; private set; }

    public async Task OnGetAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            DisplayName = user.DisplayName;
            OrganisationName = user.OrganisationName;
        }
    }
}
