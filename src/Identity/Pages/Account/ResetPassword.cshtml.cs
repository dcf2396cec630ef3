using GonPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GonPortal.Identity.Pages.Account;

/// <summary>
/// The reset link's page. The token is ASP.NET Identity's default (data protection) token: valid for one day and
/// bound to the security stamp, so it stops working once the password has changed.
/// </summary>
public sealed class ResetPasswordModel(UserManager<GonUser> users, IOptions<IdentityOptions> identityOptions) : PageModel
{
    public const string InvalidText = "Deze link is ongeldig of verlopen. Vraag via \"Wachtwoord vergeten?\" een nieuwe link aan.";

    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Done { get; private set; }

    public string Hint => PasswordHint.From(identityOptions.Value.Password);

    public PasswordForm Form { get; private set; } = new("", "", []);

    public void OnGet() => Form = new(UserId, Token, []);

    public async Task OnPostAsync()
    {
        if (PasswordForm.Precheck(Password, ConfirmPassword) is { } problem)
        {
            Form = new(UserId, Token, [problem]);
            return;
        }
        var user = await users.FindByIdAsync(UserId);
        if (user is null || !user.IsActive)
        {
            Form = new(UserId, Token, [InvalidText]);
            return;
        }
        var result = await users.ResetPasswordAsync(user, Token, Password!);
        Done = result.Succeeded;
        // InvalidToken is described in Dutch by DutchIdentityErrors, like the password rules.
        Form = new(UserId, Token, result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? InvalidText : e.Description).ToList());
    }
}
