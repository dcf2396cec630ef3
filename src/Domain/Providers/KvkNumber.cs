using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Providers;

/// <summary>
/// KvK-nummer: registration number at the Dutch Chamber of Commerce, exactly 8 digits.
/// The VNG model contract requires every onderaannemer to be registered.
/// </summary>
public static class KvkNumber
{
    public static bool IsValid(string? value) => value is not null && Text.IsDigits(value, 8);
}

/// <summary>AGB-code: the Vektis code of a care provider, exactly 8 digits; optional here.</summary>
public static class AgbCode
{
    public static bool IsValid(string? value) => value is not null && Text.IsDigits(value, 8);
}
