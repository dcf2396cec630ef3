using System.Globalization;
using System.Text;
using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Clients;

/// <summary>
/// A client: a resident registered in one area. Owned by the hoofdaanbieder responsible for the
/// area (the tenant). The BSN is kept only encrypted (<see cref="BsnCipher"/>) with a keyed hash
/// (<see cref="BsnHash"/>) that makes "one client per BSN per area" checkable without decrypting.
/// </summary>
public sealed class Client : ITenantOwned
{
    private Client() { }

    public Guid Id { get; private set; }

    /// <summary>The hoofdaanbieder responsible for the area when the client was registered.</summary>
    public Guid TenantId { get; private set; }

    public int AreaId { get; private set; }
    public byte[] BsnCipher { get; private set; } = [];
    public byte[] BsnHash { get; private set; } = [];
    public string? GivenNames { get; private set; }
    public string? Initials { get; private set; }
    public string? SurnamePrefix { get; private set; }
    public string Surname { get; private set; } = "";
    public string DisplayName { get; private set; } = "";

    /// <summary>Lower-case words without accents, each preceded by a space, for start-of-word search.</summary>
    public string SearchText { get; private set; } = "";

    public DateOnly DateOfBirth { get; private set; }
    public string Postcode { get; private set; } = "";
    public ContactDetails ContactDetails { get; private set; } = ContactDetails.Empty;
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public Guid CreatedByOrganisationId { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    /// <summary>WIJ organisations that registered or referred this client; they may see it.</summary>
    public List<Guid> WijOrganisationIds { get; private set; } = [];

    /// <summary>
    /// Checks the registration without the BSN's protection (which needs a valid BSN); throws
    /// <see cref="DomainValidationException"/> naming every bad field. Messages never echo the BSN.
    /// </summary>
    public static void Validate(ClientRegistration r) => Check(r, out _).ThrowIfAny();

    /// <summary>Adds every violation of <paramref name="r"/> to <paramref name="v"/> (for callers that also checked the wire format).</summary>
    public static void Validate(Violations v, ClientRegistration r)
    {
        foreach (var item in Check(r, out _).Items.Where(i => !v.Items.Any(x => x.Field == i.Field)))
        {
            v.Add(item.Field, item.Description);
        }
    }

    /// <summary>Validates and registers; <paramref name="bsn"/> is the protected form of a valid <see cref="ClientRegistration.Bsn"/>.</summary>
    public static Client Register(Guid id, ClientRegistration r, ProtectedBsn bsn, string by, Guid byOrganisation, bool byWij, DateTimeOffset now)
    {
        var v = Check(r, out var contact);
        v.ThrowIfAny();
        var client = new Client
        {
            Id = id,
            TenantId = r.OwnerId,
            AreaId = r.AreaId,
            BsnCipher = bsn.Cipher,
            BsnHash = bsn.LookupHash,
            GivenNames = Clean(r.GivenNames),
            Initials = Clean(r.Initials),
            SurnamePrefix = Clean(r.SurnamePrefix),
            Surname = r.Surname!.Trim(),
            DateOfBirth = r.DateOfBirth!.Value,
            Postcode = Clients.Postcode.Normalise(r.Postcode)!,
            ContactDetails = contact,
            CreatedAt = now,
            CreatedBy = by,
            CreatedByOrganisationId = byOrganisation,
        };
        client.DisplayName = BuildDisplayName(client.GivenNames, client.Initials, client.SurnamePrefix, client.Surname);
        client.SearchText = BuildSearchText(client.GivenNames, client.Initials, client.SurnamePrefix, client.Surname, client.DisplayName);
        if (byWij)
        {
            client.WijOrganisationIds.Add(byOrganisation);
        }
        return client;
    }

    /// <summary>Replaces the contact details completely (an empty field clears it).</summary>
    public void ChangeContactDetails(ContactDetails input, string by, DateTimeOffset now)
    {
        var v = new Violations();
        var contact = ContactDetails.Create(v, "contact_details", input);
        v.ThrowIfAny();
        ContactDetails = contact;
        UpdatedAt = now;
        UpdatedBy = by;
    }

    /// <summary>A WIJ organisation registered or referred this resident: from now on it may see the client.</summary>
    public bool AddWijOrganisation(Guid wijOrganisationId)
    {
        if (WijOrganisationIds.Contains(wijOrganisationId))
        {
            return false;
        }
        WijOrganisationIds = [.. WijOrganisationIds, wijOrganisationId];
        return true;
    }

    /// <summary>"J.M. van der Berg" (initials preferred), else "Jan van der Berg".</summary>
    public static string BuildDisplayName(string? givenNames, string? initials, string? prefix, string surname)
    {
        var first = !string.IsNullOrWhiteSpace(initials) ? initials.Trim() : givenNames?.Trim() ?? "";
        return string.Join(' ', new[] { first, prefix?.Trim() ?? "", surname.Trim() }.Where(s => s.Length > 0));
    }

    /// <summary>Lower-cases and strips accents, so "Ésther" matches "esther" on every database.</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string BuildSearchText(string? givenNames, string? initials, string? prefix, string surname, string displayName)
    {
        var terms = new List<string> { surname };
        if (!string.IsNullOrWhiteSpace(prefix))
        {
            terms.Add($"{prefix} {surname}");
        }
        terms.AddRange((givenNames ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        terms.Add(displayName);
        if (!string.IsNullOrWhiteSpace(initials))
        {
            terms.Add(initials);
        }
        return string.Concat(terms.Select(t => "|" + Fold(t)));
    }

    private static Violations Check(ClientRegistration r, out ContactDetails contact)
    {
        var v = new Violations();
        if (AreaIdRules.Required(v, r.AreaId) && !r.CallerHoldsArea)
        {
            v.Add("area_id", "the caller does not hold this area");
        }
        if (string.IsNullOrEmpty(r.Bsn))
        {
            v.Add("bsn", "is required: 9 digits");
        }
        else if (!Bsn.IsValid(r.Bsn))
        {
            v.Add("bsn", "is not a valid BSN (9 digits that pass the elfproef)");
        }
        if (string.IsNullOrWhiteSpace(r.GivenNames) && string.IsNullOrWhiteSpace(r.Initials))
        {
            v.Add("given_names", "given_names or initials is required");
        }
        Text.Optional(v, "given_names", r.GivenNames, 200);
        Text.Optional(v, "initials", r.Initials, 20);
        Text.Optional(v, "surname_prefix", r.SurnamePrefix, 20);
        Text.Required(v, "surname", r.Surname, 1, 200);
        if (r.DateOfBirth is null)
        {
            v.Add("date_of_birth", "is required and must be a valid date");
        }
        else if (r.DateOfBirth > r.Today)
        {
            v.Add("date_of_birth", "must not be in the future");
        }
        else if (r.DateOfBirth < r.Today.AddYears(-130))
        {
            v.Add("date_of_birth", "must be within the last 130 years");
        }
        if (string.IsNullOrWhiteSpace(r.Postcode))
        {
            v.Add("postcode", "is required");
        }
        else if (Clients.Postcode.Normalise(r.Postcode) is null)
        {
            v.Add("postcode", "must be a Dutch postcode: 4 digits (first not 0) and 2 letters, e.g. 9711 AB");
        }
        contact = ContactDetails.Create(v, "contact_details", r.ContactDetails ?? ContactDetails.Empty);
        return v;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
