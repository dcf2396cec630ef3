using Microsoft.AspNetCore.Identity;

namespace GonPortal.Identity.Pages.Account;

/// <summary>The password rules in Dutch, read from Identity's options so the page never disagrees with the check.</summary>
public static class PasswordHint
{
    public static string From(PasswordOptions options)
    {
        var parts = new List<string>();
        if (options.RequireUppercase) parts.Add("een hoofdletter");
        if (options.RequireLowercase) parts.Add("een kleine letter");
        if (options.RequireDigit) parts.Add("een cijfer");
        if (options.RequireNonAlphanumeric) parts.Add("een leesteken of symbool");
        var with = parts.Count switch
        {
            0 => "",
            1 => $", met {parts[0]}",
            _ => $", met {string.Join(", ", parts[..^1])} en {parts[^1]}",
        };
        return $"Kies een wachtwoord van minstens {options.RequiredLength} tekens{with}.";
    }
}
