using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Reporting;

/// <summary>
/// Delivered volume: only entries the hoofdaanbieder approved count, reversals with their negative
/// quantity, by service date (an entry belongs to the month and year of its service date).
/// Submitted entries are shown apart and never count.
/// </summary>
public static class DeliveredVolume
{
    /// <summary>Sum of approved quantities with a service date in <paramref name="period"/>, in the entries' unit.</summary>
    public static long ApprovedQuantity(IEnumerable<DeliveredEntry> entries, DateRange period) =>
        SumWithStatus(entries, period, HourEntryStatus.Approved);

    /// <summary>Sum of quantities still awaiting review in <paramref name="period"/>, for information only.</summary>
    public static long SubmittedQuantity(IEnumerable<DeliveredEntry> entries, DateRange period) =>
        SumWithStatus(entries, period, HourEntryStatus.Submitted);

    /// <summary>Minutes as exact hours (minutes / 60): settlements count hours, entries carry minutes.</summary>
    public static Rational Hours(long minutes) => new(minutes, 60);

    /// <summary>Delivered volume in the settlement's unit: hours for the hour unit (approved minutes / 60), the count otherwise.</summary>
    public static Rational InSettlementUnit(Unit unit, long approvedQuantity) =>
        unit == Unit.Hour ? Hours(approvedQuantity) : approvedQuantity;

    private static long SumWithStatus(IEnumerable<DeliveredEntry> entries, DateRange period, HourEntryStatus status) =>
        entries.Where(e => e.Status == status && period.Contains(e.ServiceDate)).Sum(e => e.Quantity);
}
