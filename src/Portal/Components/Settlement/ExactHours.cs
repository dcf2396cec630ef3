using System.Globalization;
using GonPortal.Portal.ServerApi;

namespace GonPortal.Portal.Components.Settlement;

/// <summary>
/// An exact number of hours (a fraction from the Server) as a number to sort by and as minutes for a download; the
/// page keeps showing the fraction itself. Null when the fraction does not fit a decimal (never in practice).
/// </summary>
public static class ExactHours
{
    public static decimal? Value(ExactView hours) =>
        decimal.TryParse(hours.Numerator, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var numerator)
        && decimal.TryParse(hours.Denominator, NumberStyles.None, CultureInfo.InvariantCulture, out var denominator) && denominator != 0
            ? numerator / denominator
            : null;

    /// <summary>Whole minutes, rounded half away from zero, as the hour columns of the downloads take them.</summary>
    public static int? Minutes(ExactView hours) =>
        Value(hours) is { } value ? (int)Math.Round(value * 60m, MidpointRounding.AwayFromZero) : null;
}
