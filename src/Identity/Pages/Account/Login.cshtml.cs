using System.ComponentModel.DataAnnotations;
using GonPortal.Identity.Data;
using GonPortal.Identity.Extensions;
using GonPortal.Identity.Hardening;
using GonPortal.Identity.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace GonPortal.Identity.Pages.Account;

/// <summary>
/// Password login. The authorize endpoint sends users here with a ReturnUrl pointing back to it;
/// only local return URLs are followed, so the page cannot be used as an open redirect.
/// </summary>
public sealed class LoginModel(SignInManager<GonUser> signIn, TwoFactorPolicy twoFactor, LoginFailureThrottle throttle, ILogger<LoginModel> logger) : PageModel
{
    public const string UnknownCombination = "Onbekende combinatie van e-mailadres en wachtwoord.";
    public const string LockedOut = "Te veel mislukte pogingen. Probeer het over een paar minuten opnieuw.";
    public const string Throttled = "Te veel mislukte pogingen vanaf dit adres. Probeer het later opnieuw.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public bool HasError(string field) => ModelState[$"{nameof(Input)}.{field}"]?.Errors.Count > 0;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Checked before the password, so a throttled burst never reaches the account's lockout counter.
        var address = RequestRateLimits.RemoteAddress(HttpContext);
        if (throttle.IsThrottled(address, Input.Email, out var retryAfter))
        {
            logger.LogWarning("Login refused: too many failures from one address for one account");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (retryAfter is { } delay)
            {
                Response.Headers.RetryAfter = RateLimitingExtensions.RetryAfterSeconds(delay);
            }

            ErrorMessage = Throttled;
            return Page();
        }

        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        var (result, mustEnrol) = await SignInWithPasswordAsync(Input.Email.Trim(), Input.Password);
        if (result.Succeeded)
        {
            return LocalRedirect(returnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage(mustEnrol ? "EnrolAuthenticator" : "LoginCode", new { ReturnUrl = returnUrl });
        }

        throttle.RecordFailure(address, Input.Email);

        if (result.IsLockedOut)
        {
            logger.LogWarning("Login refused: account locked out");
            ErrorMessage = LockedOut;
        }
        else
        {
            // Same message for unknown e-mail and wrong password: do not reveal which accounts exist.
            ErrorMessage = UnknownCombination;
        }

        return Page();
    }

    /// <summary>
    /// The password step. lockoutOnFailure: repeated wrong passwords lock the account (see AddIdentityData). Someone who
    /// must use two-factor but has not enrolled yet gets RequiresTwoFactor too, after a correct password: the sign-in
    /// waits (<see cref="PendingSignIn"/>) until enrolment is done.
    /// </summary>
    private async Task<(SignInResult Result, bool MustEnrol)> SignInWithPasswordAsync(string email, string password)
    {
        var user = await signIn.UserManager.FindByNameAsync(email);
        if (user is null || !await twoFactor.MustEnrolAsync(user))
        {
            return (await signIn.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true), false);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return (result, false);
        }

        await PendingSignIn.StartAsync(HttpContext, user);
        return (SignInResult.TwoFactorRequired, true);
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Vul uw e-mailadres in.")]
        [Display(Name = "E-mailadres")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Vul uw wachtwoord in.")]
        [Display(Name = "Wachtwoord")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
