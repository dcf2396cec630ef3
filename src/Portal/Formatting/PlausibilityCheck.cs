namespace GonPortal.Portal.Formatting;

/// <summary>Whether a typed figure may be saved: read, and either plausible or confirmed by the person.</summary>
public static class PlausibilityCheck
{
    /// <summary>True when the value was read and lies beyond <paramref name="limit"/> (in either direction).</summary>
    public static bool IsImplausible(NumberReading reading, long? limit) =>
        limit is { } max && reading.Value is { } value && Math.Abs(value) > max;

    /// <summary>Read, and plausible or confirmed: the form may send it.</summary>
    public static bool MaySave(NumberReading reading, long? limit, bool confirmed) =>
        reading.IsRead && (confirmed || !IsImplausible(reading, limit));
}
