using System.Globalization;
using GonPortal.Contracts.V1;
using GonPortal.Portal.Formatting;

namespace GonPortal.Portal.Hours;

/// <summary>
/// Reads what a person types in an hour cell into the API's quantity: hours ("1,5" or "1:30") become minutes
/// for UNIT_HOUR, a whole number stays a count for dagdeel and etmaal. Whether the quantity is allowed is
/// the Server's decision; this only reads the typing.
/// </summary>
public static class QuantityInput
{
    public static int? Parse(string? text, Unit unit)
    {
        var value = (text ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (unit != Unit.Hour)
        {
            return int.TryParse(value, NumberStyles.Integer, DutchFormat.Culture, out var count) ? count : null;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0
            && int.TryParse(value[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60)
        {
            return h * 60 + m;
        }

        return decimal.TryParse(value.Replace('.', ','), NumberStyles.Number, DutchFormat.Culture, out var hours)
            ? (int)Math.Round(hours * 60m, MidpointRounding.AwayFromZero)
            : null;
    }

    /// <summary>True when the text is not empty but cannot be read.</summary>
    public static bool IsUnreadable(string? text, Unit unit) =>
        !string.IsNullOrWhiteSpace(text) && Parse(text, unit) is null;
}
