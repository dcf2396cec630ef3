using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Hours;

/// <summary>
/// The largest quantity one entry may carry per unit (hours.proto HourEntryInput.quantity): one
/// entry covers one day, so at most 1,440 minutes, 3 dagdelen (morning, afternoon, evening) or
/// 1 etmaal. A reversal carries the same magnitude, negated.
/// </summary>
public static class HourQuantityLimits
{
    /// <summary>Minutes in a day: the per-entry and per-client-day ceiling for the hour unit.</summary>
    public const int MinutesPerDay = 1_440;

    public static int MaxPerEntry(Unit unit) => unit switch
    {
        Unit.Hour => MinutesPerDay,
        Unit.Dagdeel => 3,
        Unit.Etmaal => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown unit."),
    };
}
