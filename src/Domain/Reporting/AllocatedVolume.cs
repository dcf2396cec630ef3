using GonPortal.Domain.Common;

namespace GonPortal.Domain.Reporting;

/// <summary>
/// Allocated volume (settlement-rules.md §4, reporting.proto): each version's volume turned into a
/// rate per day, times its active days in the period (both ends counted), summed over the
/// versions. Exact: rounding happens only for display, so twelve months add up to the year.
/// </summary>
public static class AllocatedVolume
{
    /// <summary>Allocated volume of the arrangement in <paramref name="period"/> (which needs an end), in the volume's unit.</summary>
    public static Rational InPeriod(AllocationFacts arrangement, DateRange period) =>
        Rational.Sum(PerVersion(arrangement, period).Select(v => v.Allocated));

    /// <summary>Allocated volume per version in <paramref name="period"/>, oldest version first; versions outside it have 0 days.</summary>
    public static IReadOnlyList<VersionAllocation> PerVersion(AllocationFacts arrangement, DateRange period)
    {
        if (period.End is not { } periodEnd)
        {
            throw new ArgumentException("The period must have an end date.", nameof(period));
        }
        if (arrangement.Versions.Count == 0)
        {
            throw new ArgumentException("An arrangement needs at least one volume version.", nameof(arrangement));
        }

        var versions = arrangement.Versions.OrderBy(v => v.EffectiveFrom).ToList();
        var result = new List<VersionAllocation>(versions.Count);
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var versionStart = i == 0 ? arrangement.StartDate : Later(version.EffectiveFrom, arrangement.StartDate);
            DateOnly? versionEnd = i + 1 < versions.Count ? versions[i + 1].EffectiveFrom.AddDays(-1) : arrangement.EndDate;
            if (arrangement.EndDate is { } end && versionEnd > end)
            {
                versionEnd = end;
            }

            var from = Later(versionStart, period.Start);
            var to = versionEnd is { } ve && ve < periodEnd ? ve : periodEnd;
            var days = Periods.DaysInclusive(from, to);
            var rate = DailyRate(version, arrangement);
            result.Add(new VersionAllocation(version, days > 0 ? from : null, days > 0 ? to : null, days, rate, rate * days));
        }
        return result;
    }

    /// <summary>
    /// The version's volume per day. A total volume is spread over the arrangement's whole span
    /// (start to end date), not over the version's own span: the total is what the arrangement
    /// grants, and a later version with another total only changes the rate from its first day on.
    /// </summary>
    public static Rational DailyRate(VolumeVersion version, AllocationFacts arrangement) => version.Frequency switch
    {
        VolumeFrequency.PerWeek => new Rational(version.Volume, 7),
        VolumeFrequency.PerMonth => new Rational(version.Volume * 12, 365),
        VolumeFrequency.Total when arrangement.EndDate is { } end =>
            new Rational(version.Volume, Math.Max(1, Periods.DaysInclusive(arrangement.StartDate, end))),
        VolumeFrequency.Total => throw new InvalidStateException("A total volume needs an end date to be turned into a rate per day."),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version.Frequency, "Unknown volume frequency."),
    };

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
