using GonPortal.Identity.Configuration;
using GonPortal.Identity.Data;
using GonPortal.Identity.Extensions;
using GonPortal.Identity.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GonPortal.Identity.Pages.Account;

/// <summary>
/// A signed-in person's two-factor settings: whether it is on, how many recovery codes are left, new recovery codes,
/// and turning it off, which the policy forbids for whom it is required. The portal's header links here.
/// </summary>
// Identity's own cookie (IdentityConstants.ApplicationScheme, which is not a constant); no cookie: the login page and back.
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class TwoFactorModel(SignInManager<GonUser> signIn, TwoFactorPolicy policy, IOptions<IdentitySettings> settings, ILogger<TwoFactorModel> logger) : PageModel
{
    private UserManager<GonUser> Users => signIn.UserManager;

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Set right after new codes were made: the only time they are shown.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string? Message { get; private set; }

    public string PortalUrl => settings.Value.Portal.BaseUrl;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostNewCodesAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            RecoveryCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorExtensions.RecoveryCodeCount))?.ToList();
            Message = "Er zijn nieuwe herstelcodes gemaakt. De oude codes werken niet meer.";
            logger.LogInformation("New recovery codes for user {UserId}", user.Id);
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await policy.IsRequiredAsync(user))
        {
            Message = "Voor uw account is tweestapsverificatie verplicht. U kunt het niet uitzetten.";
        }
        else if (user.TwoFactorEnabled)
        {
            // A fresh key for a later enrolment: the app's old entry must stop counting.
            await Users.SetTwoFactorEnabledAsync(user, false);
            await Users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            Message = "Tweestapsverificatie staat uit. U kunt het account in de app verwijderen.";
            logger.LogInformation("Two-factor turned off by user {UserId}", user.Id);
        }

        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(GonUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await policy.IsRequiredAsync(user);
        RecoveryCodesLeft = Enabled ? await Users.CountRecoveryCodesAsync(user) : 0;
    }
}
