using System.ComponentModel.DataAnnotations;
using GonPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace GonPortal.Identity.Pages.Account;

/// <summary>
/// The second step of the sign-in for someone with two-factor enabled: a code from the authenticator app, or one
/// of the recovery codes. Reached only after a correct password (ASP.NET Identity's two-factor cookie); wrong codes
/// count towards the same lockout as wrong passwords.
/// </summary>
public sealed class LoginCodeModel(SignInManager<GonUser> signIn, ILogger<LoginCodeModel> logger) : PageModel
{
    public const string WrongCode = "Deze code klopt niet. Vul de code in die de app nu toont, of een herstelcode die u nog niet hebt gebruikt.";

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public bool HasError(string field) => ModelState[$"{nameof(Input)}.{field}"]?.Errors.Count > 0;

    public async Task<IActionResult> OnGetAsync() => await ElsewhereAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await ElsewhereAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = string.Concat(Input.Code.Where(c => !char.IsWhiteSpace(c)));
        // Six digits come from the app; anything else can only be a recovery code.
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await RecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Two-factor code refused: account locked out");
            ErrorMessage = LoginModel.LockedOut;
        }
        else
        {
            ErrorMessage = WrongCode;
        }

        return Page();
    }

    /// <summary>
    /// ASP.NET Identity counts wrong app codes towards the lockout but not wrong recovery codes; here they count too,
    /// so no kind of code can be guessed past the lockout.
    /// </summary>
    private async Task<SignInResult> RecoveryCodeSignInAsync(string code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync()
            ?? throw new InvalidOperationException("The two-factor sign-in is gone.");
        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            return result;
        }

        await signIn.UserManager.AccessFailedAsync(user);
        return await signIn.UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
    }

    /// <summary>
    /// No password step behind this request (or it expired): start again. Not enrolled yet: a code cannot finish this
    /// sign-in, only confirming the enrolment can. Both keep where the sign-in was going.
    /// </summary>
    private async Task<IActionResult?> ElsewhereAsync()
    {
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        return await signIn.GetTwoFactorAuthenticationUserAsync() switch
        {
            null => RedirectToPage("Login", new { ReturnUrl = returnUrl }),
            { TwoFactorEnabled: false } => RedirectToPage("EnrolAuthenticator", new { ReturnUrl = returnUrl }),
            _ => null,
        };
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Vul de code uit de app in.")]
        [Display(Name = "Code uit de authenticator-app")]
        [StringLength(40, ErrorMessage = "Deze code is te lang.")]
        public string Code { get; set; } = "";
    }
}
