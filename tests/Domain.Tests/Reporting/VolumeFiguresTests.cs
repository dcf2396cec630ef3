using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Tests.Reporting;

public class VolumeFiguresTests
{
    [Fact]
    public void Shortfall_is_allocated_minus_delivered()
    {
        // 3 hours a week over January = 5580/7 minutes; 600 delivered leaves 1380/7 minutes.
        var f = VolumeFigures.ForArrangement(new Rational(5580, 7), 600, 0);
        Assert.Equal(new Rational(1380, 7), f.Shortfall);
    }

    [Fact]
    public void Over_delivery_is_no_negative_shortfall() =>
        Assert.Equal(Rational.Zero, VolumeFigures.ForArrangement(100, 150, 0).Shortfall);

    [Fact]
    public void A_row_sums_shortfall_per_arrangement_so_surplus_never_hides_a_gap()
    {
        var row = VolumeFigures.Sum([VolumeFigures.ForArrangement(100, 150, 10), VolumeFigures.ForArrangement(100, 50, 20)]);
        Assert.Equal(new Rational(200, 1), row.Allocated);
        Assert.Equal(200, row.Approved);
        Assert.Equal(30, row.Submitted);
        Assert.Equal(new Rational(50, 1), row.Shortfall);
    }

    [Fact]
    public void Delivered_share_is_in_basis_points_rounded_half_away_from_zero()
    {
        // 600 / (5580/7) = 4200/5580 = 0.752688... = 7526.88 bp.
        Assert.Equal(7527, VolumeFigures.ForArrangement(new Rational(5580, 7), 600, 0).DeliveredShareBp);
        // 1 / 20000 = 0.5 bp exactly: rounds up to 1.
        Assert.Equal(1, VolumeFigures.ForArrangement(20_000, 1, 0).DeliveredShareBp);
    }

    [Fact]
    public void Delivered_share_is_0_when_nothing_was_allocated() =>
        Assert.Equal(0, VolumeFigures.ForArrangement(Rational.Zero, 60, 0).DeliveredShareBp);

    [Fact]
    public void Unmet_hours_sum_per_arrangement_and_convert_minutes_to_hours()
    {
        var u = StaffShortage.UnmetHours([(new Rational(5580, 7), 600), (new Rational(100, 1), 150)]);
        Assert.Equal(new Rational(23, 7), u); // (1380/7) / 60
    }

    [Fact]
    public void Staff_shortage_amount_rounds_half_a_cent_away_from_zero()
    {
        // Half an hour unmet at 6,451 cents per hour = 3,225.5 cents: 3,226.
        Assert.Equal(3226, StaffShortage.AmountCents(new Rational(1, 2), 6451));
        // 23/7 hours * 6,450 = 21,192.857 cents: 21,193.
        Assert.Equal(21193, StaffShortage.AmountCents(new Rational(23, 7), 6450));
    }
}
