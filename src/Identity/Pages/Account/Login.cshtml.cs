using System.ComponentModel.DataAnnotations;
using GonPortal.Identity.Data;
using GonPortal.Identity.Extensions;
using GonPortal.Identity.Hardening;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GonPortal.Identity.Pages.Account;

/// <summary>
/// Password login. The authorize endpoint sends users here with a ReturnUrl pointing back to it;
/// only local return URLs are followed, so the page cannot be used as an open redirect.
/// </summary>
public sealed class LoginModel(SignInManager<GonUser> signIn, LoginFailureThrottle throttle, ILogger<LoginModel> logger) : PageModel
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

        // lockoutOnFailure: repeated wrong passwords lock the account (see AddIdentityData).
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
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
