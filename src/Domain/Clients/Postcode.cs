namespace GonPortal.Domain.Clients;

/// <summary>Dutch postcode: 4 digits (first not 0) and 2 letters, normalised to e.g. "9711AB".</summary>
public static class Postcode
{
    /// <summary>The normalised postcode, or null when <paramref name="value"/> is not a Dutch postcode.</summary>
    public static string? Normalise(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var compact = value.Trim();
        if (compact.Length == 7 && compact[4] == ' ')
        {
            compact = compact.Remove(4, 1);
        }
        if (compact.Length != 6 || compact[0] == '0' || !compact[..4].All(char.IsAsciiDigit) || !compact[4..].All(char.IsAsciiLetter))
        {
            return null;
        }
        return compact.ToUpperInvariant();
    }
}
