using GonPortal.Contracts.V1;

namespace GonPortal.Portal.Formatting;

/// <summary>
/// Where a typed figure stops being plausible and the portal asks "Klopt dit?" before saving
/// (<c>Portal:Plausibility:*</c>). Nothing is refused: a person who confirms saves the value; the limits only catch
/// slips such as a rate typed in cents. Dagdeel (half a day) and etmaal (a day and night) are the other units.
/// </summary>
public sealed class PlausibilityOptions
{
    public const string SectionName = "Portal:Plausibility";

    /// <summary>Weeks in a month, to turn a weekly limit into a monthly one.</summary>
    private const decimal WeeksPerMonth = 52m / 12m;

    public long MaxHourRateCents { get; set; } = 25_000;

    public long MaxDagdeelRateCents { get; set; } = 75_000;

    public long MaxEtmaalRateCents { get; set; } = 150_000;

    public int MaxHoursPerWeek { get; set; } = 40;

    public int MaxDagdelenPerWeek { get; set; } = 10;

    public int MaxEtmalenPerWeek { get; set; } = 7;

    /// <summary>The highest plausible rate in cents for one unit.</summary>
    public long RateLimitCents(Unit unit) => unit switch
    {
        Unit.Dagdeel => MaxDagdeelRateCents,
        Unit.Etmaal => MaxEtmaalRateCents,
        _ => MaxHourRateCents,
    };

    /// <summary>
    /// The highest plausible volume in the API's unit (minutes for hours, else the count) per week or month; none
    /// for a total over the whole period, which depends on its length.
    /// </summary>
    public long? VolumeLimit(Unit unit, VolumeFrequency frequency)
    {
        long perWeek = unit switch
        {
            Unit.Dagdeel => MaxDagdelenPerWeek,
            Unit.Etmaal => MaxEtmalenPerWeek,
            _ => MaxHoursPerWeek * 60L,
        };
        return frequency switch
        {
            VolumeFrequency.PerWeek => perWeek,
            VolumeFrequency.PerMonth => (long)decimal.Ceiling(perWeek * WeeksPerMonth),
            _ => null,
        };
    }
}
