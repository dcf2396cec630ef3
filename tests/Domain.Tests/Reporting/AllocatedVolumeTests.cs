using GonPortal.Domain.Common;
using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Tests.Reporting;

public class AllocatedVolumeTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static AllocationFacts Arrangement(DateOnly start, DateOnly? end, params VolumeVersion[] versions) => new(start, end, versions);

    private static VolumeVersion PerWeek(DateOnly from, long v) => new(from, v, VolumeFrequency.PerWeek);

    private static VolumeVersion PerMonth(DateOnly from, long v) => new(from, v, VolumeFrequency.PerMonth);

    private static VolumeVersion Total(DateOnly from, long v) => new(from, v, VolumeFrequency.Total);

    [Fact]
    public void Three_hours_per_week_over_January_2027_is_three_sevenths_times_31_hours()
    {
        var a = Arrangement(D(2026, 12, 1), null, PerWeek(D(2026, 12, 1), 180));
        var minutes = AllocatedVolume.InPeriod(a, Periods.Month(2027, 1));
        Assert.Equal(new Rational(180 * 31, 7), minutes);
        Assert.Equal(new Rational(3, 7) * 31, minutes / 60); // 93/7 hours
        Assert.Equal("13.2857", (minutes / 60).ToRoundedString());
    }

    [Fact]
    public void Ten_hours_per_month_over_a_full_365_day_year_is_120_hours()
    {
        var a = Arrangement(D(2027, 1, 1), null, PerMonth(D(2027, 1, 1), 600));
        Assert.Equal(new Rational(120 * 60, 1), AllocatedVolume.InPeriod(a, Periods.Year(2027)));
    }

    [Fact]
    public void Per_month_in_leap_year_2028_still_uses_365_so_366_days_give_a_day_more()
    {
        // 600 * 12 / 365 per day, 366 days: 7200 * 366 / 365 minutes = 8784/73 hours (about 120.3288).
        var a = Arrangement(D(2028, 1, 1), null, PerMonth(D(2028, 1, 1), 600));
        var minutes = AllocatedVolume.InPeriod(a, Periods.Year(2028));
        Assert.Equal(new Rational(7200 * 366, 365), minutes);
        Assert.Equal(new Rational(8784, 73), minutes / 60);
        Assert.Equal("120.3288", (minutes / 60).ToRoundedString());
    }

    [Fact]
    public void Per_month_in_February_is_28_days_at_the_daily_rate()
    {
        // 365 per month is exactly 12 per day; February 2027 has 28 days.
        var a = Arrangement(D(2027, 1, 1), null, PerMonth(D(2027, 1, 1), 365));
        Assert.Equal(new Rational(336, 1), AllocatedVolume.InPeriod(a, Periods.Month(2027, 2)));
    }

    [Fact]
    public void A_version_change_mid_month_splits_the_month()
    {
        // 120/week on 1-15 January (15 days), 240/week on 16-31 January (16 days).
        var a = Arrangement(D(2026, 12, 1), null, PerWeek(D(2026, 12, 1), 120), PerWeek(D(2027, 1, 16), 240));
        Assert.Equal(new Rational(120 * 15 + 240 * 16, 7), AllocatedVolume.InPeriod(a, Periods.Month(2027, 1)));
    }

    [Fact]
    public void Per_version_breakdown_shows_days_rate_and_amount()
    {
        var a = Arrangement(D(2026, 12, 1), null, PerWeek(D(2027, 1, 16), 240), PerWeek(D(2026, 12, 1), 120));
        var parts = AllocatedVolume.PerVersion(a, Periods.Month(2027, 1));

        Assert.Equal(2, parts.Count);
        Assert.Equal((D(2027, 1, 1), D(2027, 1, 15), 15), (parts[0].From!.Value, parts[0].To!.Value, parts[0].ActiveDays));
        Assert.Equal(new Rational(120, 7), parts[0].DailyRate);
        Assert.Equal((D(2027, 1, 16), D(2027, 1, 31), 16), (parts[1].From!.Value, parts[1].To!.Value, parts[1].ActiveDays));
        Assert.Equal(new Rational(240 * 16, 7), parts[1].Allocated);
    }

    [Fact]
    public void A_version_outside_the_period_has_no_days()
    {
        var a = Arrangement(D(2026, 12, 1), null, PerWeek(D(2026, 12, 1), 120), PerWeek(D(2027, 2, 1), 240));
        var later = AllocatedVolume.PerVersion(a, Periods.Month(2027, 1))[1];
        Assert.Equal(0, later.ActiveDays);
        Assert.Null(later.From);
        Assert.Equal(Rational.Zero, later.Allocated);
    }

    [Fact]
    public void A_total_volume_is_spread_over_start_to_end_both_counted()
    {
        // 10 January to 18 February 2027 = 22 + 18 = 40 days, so 1000 / 40 = 25 per day.
        var a = Arrangement(D(2027, 1, 10), D(2027, 2, 18), Total(D(2027, 1, 10), 1000));
        Assert.Equal(new Rational(22 * 25, 1), AllocatedVolume.InPeriod(a, Periods.Month(2027, 1)));
        Assert.Equal(new Rational(18 * 25, 1), AllocatedVolume.InPeriod(a, Periods.Month(2027, 2)));
        Assert.Equal(new Rational(1000, 1), AllocatedVolume.InPeriod(a, Periods.Year(2027)));
    }

    [Fact]
    public void A_later_total_version_changes_the_rate_over_the_arrangement_span()
    {
        // 1-10 January (10 days): total 100 gives 10/day on days 1-5, total 200 gives 20/day on days 6-10.
        var a = Arrangement(D(2027, 1, 1), D(2027, 1, 10), Total(D(2027, 1, 1), 100), Total(D(2027, 1, 6), 200));
        Assert.Equal(new Rational(5 * 10 + 5 * 20, 1), AllocatedVolume.InPeriod(a, Periods.Month(2027, 1)));
    }

    [Fact]
    public void A_total_volume_without_end_date_cannot_be_allocated()
    {
        var a = Arrangement(D(2027, 1, 1), null, Total(D(2027, 1, 1), 100));
        Assert.Throws<InvalidStateException>(() => AllocatedVolume.InPeriod(a, Periods.Month(2027, 1)));
    }

    [Fact]
    public void Start_and_end_inside_the_month_are_both_counted()
    {
        // 10-20 March = 11 days at 70/7 = 10 per day.
        var a = Arrangement(D(2027, 3, 10), D(2027, 3, 20), PerWeek(D(2027, 3, 10), 70));
        Assert.Equal(new Rational(110, 1), AllocatedVolume.InPeriod(a, Periods.Month(2027, 3)));
    }

    [Fact]
    public void An_arrangement_outside_the_period_allocates_nothing()
    {
        var a = Arrangement(D(2027, 3, 10), D(2027, 3, 20), PerWeek(D(2027, 3, 10), 70));
        Assert.Equal(Rational.Zero, AllocatedVolume.InPeriod(a, Periods.Month(2027, 4)));
    }

    [Fact]
    public void The_first_version_covers_from_the_start_date()
    {
        var a = Arrangement(D(2027, 1, 1), null, PerWeek(D(2027, 1, 5), 70));
        Assert.Equal(new Rational(31 * 10, 1), AllocatedVolume.InPeriod(a, Periods.Month(2027, 1)));
    }

    [Fact]
    public void Twelve_months_add_up_to_the_year_exactly()
    {
        var a = Arrangement(D(2026, 6, 1), null, PerWeek(D(2026, 6, 1), 180), PerMonth(D(2027, 5, 17), 500));
        var months = Rational.Sum(Enumerable.Range(1, 12).Select(m => AllocatedVolume.InPeriod(a, Periods.Month(2027, m))));
        Assert.Equal(AllocatedVolume.InPeriod(a, Periods.Year(2027)), months);
    }

    [Fact]
    public void An_open_period_is_refused()
    {
        var a = Arrangement(D(2027, 1, 1), null, PerWeek(D(2027, 1, 1), 70));
        Assert.Throws<ArgumentException>(() => AllocatedVolume.InPeriod(a, new DateRange(D(2027, 1, 1), null)));
    }

    [Fact]
    public void Periods_count_both_ends()
    {
        Assert.Equal(31, Periods.DaysInclusive(Periods.Month(2027, 1).Start, Periods.Month(2027, 1).End!.Value));
        Assert.Equal(29, Periods.DaysInclusive(Periods.Month(2028, 2).Start, Periods.Month(2028, 2).End!.Value));
        Assert.Equal(366, Periods.DaysInclusive(Periods.Year(2028).Start, Periods.Year(2028).End!.Value));
        Assert.Equal(0, Periods.DaysInclusive(D(2027, 1, 2), D(2027, 1, 1)));
    }
}
