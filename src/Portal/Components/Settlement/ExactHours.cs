using System.Globalization;
using GonPortal.Portal.ServerApi;

namespace GonPortal.Portal.Components.Settlement;

/// <summary>
/// An exact number of hours (a fraction from the Server) as a number to sort by and as minutes for a download; the
/// page keeps showing the fraction itself. Null when the fraction does not fit a decimal (never in practice).
/// </summary>
public static class ExactHours
{
    public static decimal? Value(ExactView hours) => Divide(hours, 1m);

    /// <summary>
    /// Whole minutes, rounded half away from zero, as the hour columns of the downloads take them. The numerator is
    /// multiplied before the division, so half a minute (1/120 hour) is exactly half and rounds up.
    /// </summary>
    public static int? Minutes(ExactView hours) =>
        Divide(hours, 60m) is { } minutes && Math.Abs(minutes) <= int.MaxValue ? (int)Math.Round(minutes, MidpointRounding.AwayFromZero) : null;

    private static decimal? Divide(ExactView hours, decimal factor)
    {
        if (!decimal.TryParse(hours.Numerator, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var numerator)
            || !decimal.TryParse(hours.Denominator, NumberStyles.None, CultureInfo.InvariantCulture, out var denominator) || denominator == 0)
        {
            return null;
        }
        try
        {
            return numerator * factor / denominator;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
