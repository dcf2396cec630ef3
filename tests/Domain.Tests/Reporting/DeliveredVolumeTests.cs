using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Tests.Reporting;

public class DeliveredVolumeTests
{
    private static readonly DateOnly Jan10 = new(2027, 1, 10);

    private static readonly DeliveredEntry[] Entries =
    [
        new(Jan10, 90, HourEntryStatus.Approved),
        new(Jan10, -30, HourEntryStatus.Approved), // an approved reversal
        new(Jan10, 60, HourEntryStatus.Submitted),
        new(Jan10, 120, HourEntryStatus.Rejected),
        new(new DateOnly(2027, 1, 31), 15, HourEntryStatus.Approved),
        new(new DateOnly(2027, 2, 1), 45, HourEntryStatus.Approved),
    ];

    [Fact]
    public void Only_approved_entries_count_reversals_subtract()
    {
        // 90 - 30 + 15; the February entry belongs to February.
        Assert.Equal(75, DeliveredVolume.ApprovedQuantity(Entries, Periods.Month(2027, 1)));
    }

    [Fact]
    public void Submitted_entries_are_shown_apart() =>
        Assert.Equal(60, DeliveredVolume.SubmittedQuantity(Entries, Periods.Month(2027, 1)));

    [Fact]
    public void An_entry_belongs_to_the_month_of_its_service_date() =>
        Assert.Equal(45, DeliveredVolume.ApprovedQuantity(Entries, Periods.Month(2027, 2)));

    [Fact]
    public void Minutes_become_exact_hours() => Assert.Equal(new Rational(3, 2), DeliveredVolume.Hours(90));

    [Fact]
    public void Hours_are_settled_in_hours_other_units_as_counts()
    {
        Assert.Equal(new Rational(5, 4), DeliveredVolume.InSettlementUnit(Unit.Hour, 75));
        Assert.Equal(new Rational(3, 1), DeliveredVolume.InSettlementUnit(Unit.Dagdeel, 3));
        Assert.Equal(new Rational(2, 1), DeliveredVolume.InSettlementUnit(Unit.Etmaal, 2));
    }
}
