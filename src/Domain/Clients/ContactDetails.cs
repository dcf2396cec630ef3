using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Clients;

/// <summary>Optional contact details of a client; empty strings are stored as null.</summary>
public sealed record ContactDetails(
    string? PhoneNumber,
    string? Email,
    string? Street,
    string? HouseNumber,
    string? HouseNumberAddition,
    string? City,
    string? ContactPersonName,
    string? ContactPersonPhoneNumber)
{
    /// <summary>No contact details (a new instance each time).</summary>
    public static ContactDetails Empty => new(null, null, null, null, null, null, null, null);

    public bool IsEmpty => this == Empty;

    /// <summary>Validates and trims; violations are named under <paramref name="prefix"/> (e.g. "contact_details").</summary>
    public static ContactDetails Create(Violations v, string prefix, ContactDetails input)
    {
        Phone(v, $"{prefix}.phone_number", input.PhoneNumber);
        Phone(v, $"{prefix}.contact_person_phone_number", input.ContactPersonPhoneNumber);
        Text.Optional(v, $"{prefix}.email", input.Email, 254);
        var email = Clean(input.Email);
        if (email is not null && (email.Length > 254 || !IsEmailShape(email)))
        {
            v.Add($"{prefix}.email", "must be an e-mail address such as naam@example.nl");
        }
        Text.Optional(v, $"{prefix}.street", input.Street, 100);
        Text.Optional(v, $"{prefix}.house_number", input.HouseNumber, 10);
        Text.Optional(v, $"{prefix}.house_number_addition", input.HouseNumberAddition, 10);
        Text.Optional(v, $"{prefix}.city", input.City, 100);
        Text.Optional(v, $"{prefix}.contact_person_name", input.ContactPersonName, 200);
        return new ContactDetails(Clean(input.PhoneNumber), email, Clean(input.Street), Clean(input.HouseNumber),
            Clean(input.HouseNumberAddition), Clean(input.City), Clean(input.ContactPersonName), Clean(input.ContactPersonPhoneNumber));
    }

    private static void Phone(Violations v, string field, string? value)
    {
        var phone = Clean(value);
        if (phone is not null && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')') || !phone.Any(char.IsAsciiDigit)))
        {
            v.Add(field, "must be at most 20 characters of digits, spaces, '+', '-', '(' and ')'");
        }
    }

    private static bool IsEmailShape(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }

    private static string? Clean(string? value) => Text.IsBlank(value) ? null : value!.Trim();
}
