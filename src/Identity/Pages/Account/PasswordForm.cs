namespace GonPortal.Identity.Pages.Account;

/// <summary>The "choose a password" form shared by activation and reset: the link's user and token travel along hidden.</summary>
public sealed record PasswordForm(string UserId, string Token, IReadOnlyList<string> Errors)
{
    public const string MismatchText = "De twee wachtwoorden zijn niet gelijk.";
    public const string EmptyText = "Vul een wachtwoord in.";

    /// <summary>Checks what can be checked before Identity's password rules; null when fine.</summary>
    public static string? Precheck(string? password, string? confirmPassword) =>
        string.IsNullOrEmpty(password) ? EmptyText : password != confirmPassword ? MismatchText : null;
}
