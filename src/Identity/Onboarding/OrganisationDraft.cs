using System.Net.Mail;
using GonPortal.HostContracts;

namespace GonPortal.Identity.Onboarding;

/// <summary>What an administrator fills in for an organisation; <see cref="Validate"/> applies the registry's rules.</summary>
public sealed record OrganisationDraft(string Name, string? KvkNumber, string? AgbCode, bool TwoFactorRequiredForAll)
{
    internal string? Kvk => string.IsNullOrWhiteSpace(KvkNumber) ? null : KvkNumber.Trim();

    internal string? Agb => string.IsNullOrWhiteSpace(AgbCode) ? null : AgbCode.Trim();

    /// <param name="kvkRequired">False only for the demo gemeente and WIJ, which have no KvK number in the demo data.</param>
    internal void Validate(FieldErrors errors, bool kvkRequired)
    {
        var name = Name?.Trim() ?? "";
        errors.Check(name.Length is < 2 or > Data.Organisation.NameMaxLength, "name", "must be 2-200 characters");
        errors.Check((kvkRequired || Kvk is not null) && !IsDigits(Kvk, 8), "kvk_number", "must be exactly 8 digits");
        errors.Check(Agb is not null && !IsDigits(Agb, 8), "agb_code", "must be empty or exactly 8 digits");
    }

    internal static bool IsDigits(string? value, int length) => value is not null && value.Length == length && value.All(char.IsAsciiDigit);
}

/// <summary>Shared rules for a person's e-mail address and name.</summary>
internal static class PersonRules
{
    public static void Validate(FieldErrors errors, string? email, string? displayName)
    {
        errors.Check(!IsEmail(email), "email", "must be a valid e-mail address");
        var name = displayName?.Trim() ?? "";
        errors.Check(name.Length is < 2 or > Data.GonUser.DisplayNameMaxLength, "display_name", "must be 2-200 characters");
    }

    private static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Trim().Length > 256 || email.Contains(' '))
        {
            return false;
        }
        // MailAddress also accepts "Name <a@b>"; an address must equal what it parses to.
        return MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim() && parsed.Host.Contains('.');
    }
}

/// <summary>Kinds an administrator may create; the gemeente exists once, from bootstrap or demo data.</summary>
internal static class CreatableKinds
{
    public static bool Allows(OrganisationKind kind) => kind is OrganisationKind.Hoofdaanbieder or OrganisationKind.Onderaannemer or OrganisationKind.Wij;
}
