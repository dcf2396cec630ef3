using System.ComponentModel.DataAnnotations;
using GonPortal.Identity.Data;
using GonPortal.Identity.Extensions;
using GonPortal.Identity.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GonPortal.Identity.Pages.Account;

/// <summary>
/// Sets up the authenticator app: shows the shared key and its QR code, takes one code from the app as proof, and only
/// then enables two-factor sign-in and shows the recovery codes (once). Two ways in: a signed-in person who chooses
/// it, or someone for whom it is required and who has just given the right password (the pending sign-in, see
/// <see cref="PendingSignIn"/>); the latter is signed in when the code is confirmed. Someone already enrolled never
/// gets here, so a password alone can never replace an existing key.
/// </summary>
public sealed class EnrolAuthenticatorModel(SignInManager<GonUser> signIn, ILogger<EnrolAuthenticatorModel> logger) : PageModel
{
    public const string WrongCode = "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en vul de code in die de app nu toont. Tweestapsverificatie is nog niet ingesteld.";

    private UserManager<GonUser> Users => signIn.UserManager;

    [BindProperty]
    public ConfirmInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>The key in groups of four, for typing it into the app.</summary>
    public string GroupedKey { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    /// <summary>Set once enrolment succeeded: the only time these codes are shown.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    /// <summary>Where "Doorgaan" leads after the recovery codes: the interrupted sign-in, or the management page.</summary>
    public string ContinueUrl { get; private set; } = "/";

    /// <summary>True when this enrolment completes a sign-in (required, not yet enrolled).</summary>
    public bool CompletesSignIn { get; private set; }

    public bool HasError(string field) => ModelState[$"{nameof(Input)}.{field}"]?.Errors.Count > 0;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await FindPersonAsync();
        if (user is null)
        {
            return await ElsewhereAsync();
        }

        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindPersonAsync();
        if (user is null)
        {
            return await ElsewhereAsync();
        }

        if (!ModelState.IsValid)
        {
            await ShowKeyAsync(user);
            return Page();
        }

        if (CompletesSignIn && await Users.IsLockedOutAsync(user))
        {
            ErrorMessage = LoginModel.LockedOut;
            await ShowKeyAsync(user);
            return Page();
        }

        var code = string.Concat(Input.Code.Where(c => !char.IsWhiteSpace(c)));
        if (!await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            if (CompletesSignIn)
            {
                // Same budget as wrong passwords and sign-in codes: guessing here also ends in the lockout.
                await Users.AccessFailedAsync(user);
            }

            ErrorMessage = WrongCode;
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", "Vul de code in die de app nu toont.");
            await ShowKeyAsync(user);
            return Page();
        }

        Check(await Users.SetTwoFactorEnabledAsync(user, true));
        RecoveryCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorExtensions.RecoveryCodeCount))?.ToList()
            ?? throw new InvalidOperationException("No recovery codes were generated.");
        if (CompletesSignIn)
        {
            await Users.ResetAccessFailedCountAsync(user);
            await PendingSignIn.CompleteAsync(HttpContext, signIn, user);
        }
        else
        {
            // Enabling changed the security stamp; renew the cookie so this session stays valid.
            await signIn.RefreshSignInAsync(user);
        }

        logger.LogInformation("Authenticator enrolled for user {UserId}", user.Id);
        return Page();
    }

    /// <summary>The pending sign-in of someone who must enrol, else the signed-in person; nobody already enrolled.</summary>
    private async Task<GonUser?> FindPersonAsync()
    {
        var pending = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (pending is not null && !pending.TwoFactorEnabled)
        {
            CompletesSignIn = true;
            ContinueUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
            return pending;
        }

        var signedIn = signIn.IsSignedIn(User) ? await Users.GetUserAsync(User) : null;
        ContinueUrl = Url.Page("TwoFactor") ?? "/";
        return signedIn is { TwoFactorEnabled: false } ? signedIn : null;
    }

    /// <summary>Already enrolled: to the code step (pending) or the management page; neither: to the password.</summary>
    private async Task<IActionResult> ElsewhereAsync()
    {
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (signIn.IsSignedIn(User))
        {
            return RedirectToPage("TwoFactor");
        }

        return await signIn.GetTwoFactorAuthenticationUserAsync() is not null
            ? RedirectToPage("LoginCode", new { ReturnUrl = returnUrl })
            : RedirectToPage("Login", new { ReturnUrl = returnUrl });
    }

    /// <summary>The key stays the same until enrolment succeeds, so a code scanned on an earlier visit still works.</summary>
    private async Task ShowKeyAsync(GonUser user)
    {
        var key = await Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            Check(await Users.ResetAuthenticatorKeyAsync(user));
            key = await Users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
            if (!CompletesSignIn)
            {
                // A new key changes the security stamp too.
                await signIn.RefreshSignInAsync(user);
            }
        }

        GroupedKey = AuthenticatorKey.Grouped(key);
        QrCode = AuthenticatorKey.QrCodeDataUri(key, user.Email ?? user.UserName ?? "");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    public sealed class ConfirmInput
    {
        [Required(ErrorMessage = "Vul de code uit de app in.")]
        [Display(Name = "Code uit de app")]
        [StringLength(12, ErrorMessage = "Vul de code van zes cijfers uit de app in.")]
        public string Code { get; set; } = "";
    }
}
