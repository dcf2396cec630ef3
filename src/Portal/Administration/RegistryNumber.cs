namespace GonPortal.Portal.Administration;

/// <summary>
/// KvK numbers and AGB codes as people type them: Dutch forms and letters often show them grouped
/// ("1234 5678", "12.34.56.78"), so spaces, dots and dashes are dropped before the Server checks the 8 digits.
/// Anything else (letters, a digit too few) goes through unchanged, so the Server's message explains it.
/// </summary>
public static class RegistryNumber
{
    public static string Normalise(string? typed) =>
        new((typed ?? "").Where(c => c is not (' ' or '.' or '-' or '\u00A0')).ToArray());
}
