using GonPortal.Domain.Common;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Tests.Settlements;

public class PgbSettlementTests
{
    /// <summary>Twelve months: eleven of <paramref name="each"/>, December <paramref name="december"/>.</summary>
    private static IReadOnlyList<MonthlyPgbCount> Year(int each, int december) =>
        [.. Enumerable.Range(1, 11).Select(m => new MonthlyPgbCount(m, each)), new MonthlyPgbCount(12, december)];

    private static PgbSettlementInput Input(IReadOnlyList<MonthlyPgbCount> counts, long cost = 1_234_567, decimal delta = 0m, decimal s = 1m) =>
        new(1, 2028, 100, counts, cost, delta, s);

    [Fact]
    public void Fewer_pgb_clients_pay_the_provider_with_every_figure_recorded()
    {
        // counts 11 x 95 + 101 = 1,146; P = 1,146 / 12 = 95.5; D = 100 - 95.5 = 4.5; D' = 4.5
        // PGB = round(1 * 4.5 * 1,234,567) = round(4,938,268 + 617,283.5) = round(5,555,551.5) = 5,555,552
        var r = PgbSettlement.Compute(Input(Year(95, 101)), PgbSettlementKind.Final);
        Assert.Equal("1.1", r.RulesVersion);
        Assert.Equal(PgbSettlementKind.Final, r.Kind);
        Assert.Equal(1, r.AreaId);
        Assert.Equal(2028, r.Year);
        Assert.Equal(100, r.BaselineCount);
        Assert.Equal(12, r.MonthlyCounts.Count);
        Assert.Equal(12, r.MonthsUsed);
        Assert.Equal(1_146, r.CountSum);
        Assert.Equal(new Rational(191, 2), r.AverageCount);
        Assert.Equal(new Rational(9, 2), r.Difference);
        Assert.Equal(0m, r.DeadBand);
        Assert.Equal(Rational.Zero, r.DeadBandWidth);
        Assert.Equal(new Rational(9, 2), r.EffectiveDifference);
        Assert.Equal(1m, r.CompensationShare);
        Assert.Equal(1_234_567, r.AverageCostCents);
        Assert.Equal(new Rational(11_111_103, 2), r.Unrounded);
        Assert.Equal(5_555_552, r.SettlementCents);
    }

    [Fact]
    public void More_pgb_clients_reduce_the_lumpsum_and_a_negative_half_cent_rounds_away_from_zero()
    {
        // counts 11 x 105 + 99 = 1,254; P = 104.5; D = -4.5; PGB = round(-5,555,551.5) = -5,555,552
        var r = PgbSettlement.Compute(Input(Year(105, 99)), PgbSettlementKind.Final);
        Assert.Equal(new Rational(-9, 2), r.Difference);
        Assert.Equal(new Rational(-9, 2), r.EffectiveDifference);
        Assert.Equal(-5_555_552, r.SettlementCents);
    }

    [Fact]
    public void The_average_is_exact_and_multiplied_before_dividing()
    {
        // counts 11 x 100 + 95 = 1,195; P = 1,195/12; D = 1,200/12 - 1,195/12 = 5/12
        // PGB = round(5/12 * 1,200,006) = round(6,000,030 / 12) = round(500,002.5) = 500,003
        var r = PgbSettlement.Compute(Input(Year(100, 95), cost: 1_200_006), PgbSettlementKind.Final);
        Assert.Equal(new Rational(1_195, 12), r.AverageCount);
        Assert.Equal(new Rational(5, 12), r.Difference);
        Assert.Equal(500_003, r.SettlementCents);
    }

    [Fact]
    public void The_dead_band_swallows_a_small_difference()
    {
        // delta 0.05 * P0 100 = 5; D = 4.5; D' = sign * max(0, 4.5 - 5) = 0; PGB = 0
        var r = PgbSettlement.Compute(Input(Year(95, 101), delta: 0.05m), PgbSettlementKind.Final);
        Assert.Equal(5, r.DeadBandWidth);
        Assert.Equal(new Rational(9, 2), r.Difference);
        Assert.Equal(Rational.Zero, r.EffectiveDifference);
        Assert.Equal(0, r.SettlementCents);
    }

    [Fact]
    public void The_dead_band_reduces_a_larger_difference_in_both_directions()
    {
        // all months 90: P = 90; D = 10; D' = 10 - 5 = 5; PGB = 5 * 1,234,567 = 6,172,835
        var fewer = PgbSettlement.Compute(Input(Year(90, 90), delta: 0.05m), PgbSettlementKind.Final);
        Assert.Equal(10, fewer.Difference);
        Assert.Equal(5, fewer.EffectiveDifference);
        Assert.Equal(6_172_835, fewer.SettlementCents);

        // all months 110: D = -10; D' = -(10 - 5) = -5; PGB = -6,172,835
        var more = PgbSettlement.Compute(Input(Year(110, 110), delta: 0.05m), PgbSettlementKind.Final);
        Assert.Equal(-5, more.EffectiveDifference);
        Assert.Equal(-6_172_835, more.SettlementCents);
    }

    [Fact]
    public void A_compensation_share_of_one_half_halves_before_rounding()
    {
        // D' = 4.5; 0.5 * 4.5 * 1,234,567 = 2.25 * 1,234,567 = 2,469,134 + 308,641.75 = 2,777,775.75 -> 2,777,776
        var r = PgbSettlement.Compute(Input(Year(95, 101), s: 0.5m), PgbSettlementKind.Final);
        Assert.Equal(0.5m, r.CompensationShare);
        Assert.Equal(new Rational(11_111_103, 4), r.Unrounded);
        Assert.Equal(2_777_776, r.SettlementCents);

        // D' = 1 (all months 99); 0.5 * 1 * 1,234,567 = 617,283.5 -> 617,284
        Assert.Equal(617_284, PgbSettlement.Compute(Input(Year(99, 99), s: 0.5m), PgbSettlementKind.Final).SettlementCents);
    }

    [Fact]
    public void A_provisional_run_averages_over_the_seven_months_entered()
    {
        // 100 + 98 + 97 + 96 + 95 + 94 + 93 = 673; P = 673/7; D = 700/7 - 673/7 = 27/7
        // PGB = round(27/7 * 700,000) = 27 * 100,000 = 2,700,000
        int[] counts = [100, 98, 97, 96, 95, 94, 93];
        var input = Input([.. counts.Select((c, i) => new MonthlyPgbCount(7 - i, c)).Reverse()], cost: 700_000);
        var r = PgbSettlement.Compute(input, PgbSettlementKind.Provisional);
        Assert.Equal(PgbSettlementKind.Provisional, r.Kind);
        Assert.Equal(7, r.MonthsUsed);
        Assert.Equal(673, r.CountSum);
        Assert.Equal(new Rational(673, 7), r.AverageCount);
        Assert.Equal(new Rational(27, 7), r.Difference);
        Assert.Equal(2_700_000, r.SettlementCents);
        Assert.Equal(Enumerable.Range(1, 7), r.MonthlyCounts.Select(m => m.Month));
    }

    [Fact]
    public void A_final_run_with_eleven_months_is_refused_naming_the_missing_month()
    {
        var elevenMonths = Year(95, 101).Where(m => m.Month != 8).ToList();
        var ex = Assert.Throws<InvalidStateException>(() => PgbSettlement.Compute(Input(elevenMonths), PgbSettlementKind.Final));
        Assert.Contains("missing month(s): 8.", ex.Message);

        // The same months are fine for a provisional run.
        Assert.Equal(11, PgbSettlement.Compute(Input(elevenMonths), PgbSettlementKind.Provisional).MonthsUsed);
    }

    [Fact]
    public void A_final_run_names_every_missing_month()
    {
        var ex = Assert.Throws<InvalidStateException>(() =>
            PgbSettlement.Compute(Input([new MonthlyPgbCount(1, 100), new MonthlyPgbCount(2, 100)]), PgbSettlementKind.Final));
        Assert.Contains("missing month(s): 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.", ex.Message);
    }

    [Fact]
    public void A_provisional_run_without_any_month_is_refused() =>
        Assert.Throws<InvalidStateException>(() => PgbSettlement.Compute(Input([]), PgbSettlementKind.Provisional));

    [Fact]
    public void Bad_months_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PgbSettlement.Compute(Input([new MonthlyPgbCount(13, 1)]), PgbSettlementKind.Provisional));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PgbSettlement.Compute(Input([new MonthlyPgbCount(1, -1)]), PgbSettlementKind.Provisional));
        Assert.Throws<ArgumentException>(() =>
            PgbSettlement.Compute(Input([new MonthlyPgbCount(1, 1), new MonthlyPgbCount(1, 2)]), PgbSettlementKind.Provisional));
    }
}
