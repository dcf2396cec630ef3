using GonPortal.Contracts.V1;
using GonPortal.Portal.Formatting;

namespace GonPortal.Portal.Hours;

/// <summary>
/// Reads what a person types in an hour cell (or a CSV line) into the API's quantity through the portal's one
/// number reader: hours ("1,5" or "1:30") become minutes for UNIT_HOUR, a whole number stays a count for dagdeel
/// and etmaal. "1.5" is refused, not guessed. Negative quantities are read (a correction); whether a quantity is
/// allowed is the Server's decision.
/// </summary>
public static class QuantityInput
{
    /// <summary>The reading with the Dutch message when it fails; an empty cell reads as <see cref="NumberReading.IsEmpty"/>.</summary>
    public static NumberReading Read(string? text, Unit unit)
    {
        var reading = DutchNumber.Read(text, unit == Unit.Hour ? NumberKind.Hours : NumberKind.Count, allowNegative: true);
        return reading.Value is { } v && (v > int.MaxValue || v < int.MinValue) ? NumberReading.Refused(NumberMessages.TooLarge) : reading;
    }

    public static int? Parse(string? text, Unit unit) => Read(text, unit).Value is { } v ? (int)v : null;

    /// <summary>True when the text is not empty but cannot be read.</summary>
    public static bool IsUnreadable(string? text, Unit unit) => Read(text, unit) is { IsRead: false, IsEmpty: false };

    /// <summary>Why the text cannot be read (how to write it), or null when it can be or is empty.</summary>
    public static string? MessageFor(string? text, Unit unit) => Read(text, unit) is { IsEmpty: false, Message: { } m } ? m : null;
}
