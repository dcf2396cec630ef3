using GonPortal.Domain.Common;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Tests.Settlements;

public class LumpsumTests
{
    private static LumpsumInput Input(long baseCents, IReadOnlyList<YearIndex> indices, IReadOnlyList<VentielAdjustment>? adjustments = null) =>
        new(1, 2027, baseCents, indices, adjustments ?? []);

    [Fact]
    public void The_base_year_lumpsum_is_the_base_amount()
    {
        var r = Lumpsum.Compute(Input(100_000_000, []), 2027);
        Assert.Equal("1.1", r.RulesVersion);
        Assert.Empty(r.Chain);
        Assert.Equal(100_000_000, r.LumpsumCents);
        Assert.Equal(100_000_000, r.TotalCents);
    }

    [Fact]
    public void The_index_chain_runs_over_three_years_and_a_definitive_index_replaces_the_prognosis()
    {
        // Prognoses only:
        // 2028: 100,000,000 * 1.0496 = 104,960,000
        // 2029: 104,960,000 * 1.0312 = 104,960,000 + 3,274,752 = 108,234,752
        // 2030: 108,234,752 * 1.0275 = 108,234,752 + 2,976,455.68 = 111,211,207.68 -> 111,211,208
        var prognoses = Input(100_000_000,
        [
            new YearIndex(2028, 0.0496m, null),
            new YearIndex(2029, 0.0312m, null),
            new YearIndex(2030, 0.0275m, null),
        ]);
        var before = Lumpsum.Compute(prognoses, 2030);
        Assert.Equal([104_960_000L, 108_234_752L, 111_211_208L], before.Chain.Select(s => s.LumpsumCents));
        Assert.Equal(new Rational(11_121_120_768, 100), before.Chain[2].Unrounded);
        Assert.Equal(108_234_752, before.Chain[2].PreviousLumpsumCents);
        Assert.Equal(0.0275m, before.Chain[2].Index);
        Assert.All(before.Chain, s => Assert.False(s.IndexIsDefinitive));
        Assert.Equal(111_211_208, before.LumpsumCents);

        // Definitive 2028 index 0.0500 entered later; it changes 2028 and every later year:
        // 2028: 100,000,000 * 1.05 = 105,000,000
        // 2029: 105,000,000 * 1.0312 = 105,000,000 + 3,276,000 = 108,276,000
        // 2030: 108,276,000 * 1.0275 = 108,276,000 + 2,977,590 = 111,253,590
        var definitive = prognoses with
        {
            Indices = [new YearIndex(2028, 0.0496m, 0.0500m), prognoses.Indices[1], prognoses.Indices[2]],
        };
        var after = Lumpsum.Compute(definitive, 2030);
        Assert.Equal([105_000_000L, 108_276_000L, 111_253_590L], after.Chain.Select(s => s.LumpsumCents));
        Assert.True(after.Chain[0].IndexIsDefinitive);
        Assert.Equal(0.0500m, after.Chain[0].Index);
        Assert.False(after.Chain[1].IndexIsDefinitive);
        Assert.Equal(111_253_590, after.TotalCents);
    }

    [Fact]
    public void Each_step_is_rounded_half_away_from_zero_also_for_a_negative_index()
    {
        // 1,000,050 * 1.01 = 1,000,050 + 10,000.5 = 1,010,050.5 -> 1,010,051
        var up = Lumpsum.Compute(Input(1_000_050, [new YearIndex(2028, 0.0100m, null)]), 2028);
        Assert.Equal(new Rational(2_020_101, 2), up.Chain[0].Unrounded);
        Assert.Equal(1_010_051, up.LumpsumCents);

        // 1,000,050 * 0.99 = 1,000,050 - 10,000.5 = 990,049.5 -> 990,050
        var down = Lumpsum.Compute(Input(1_000_050, [new YearIndex(2028, -0.0100m, null)]), 2028);
        Assert.Equal(990_050, down.LumpsumCents);
    }

    [Fact]
    public void The_chain_rounds_every_year_not_only_at_the_end()
    {
        // 2028: 1,000,050 * 1.01 = 1,010,050.5 -> 1,010,051
        // 2029: 1,010,051 * 1.01 = 1,010,051 + 10,100.51 = 1,020,151.51 -> 1,020,152
        // (unrounded chain: 1,000,050 * 1.0201 = 1,020,151.005 -> 1,020,151)
        var r = Lumpsum.Compute(Input(1_000_050, [new YearIndex(2028, 0.01m, null), new YearIndex(2029, 0.01m, null)]), 2029);
        Assert.Equal(1_020_152, r.LumpsumCents);
        Assert.Equal(1_010_051, r.Chain[1].PreviousLumpsumCents);
    }

    [Fact]
    public void A_year_without_any_index_cannot_be_computed_and_is_named()
    {
        var input = Input(100_000_000, [new YearIndex(2028, 0.02m, null), new YearIndex(2029, null, null), new YearIndex(2030, 0.02m, null)]);
        var ex = Assert.Throws<InvalidStateException>(() => Lumpsum.Compute(input, 2030));
        Assert.Contains("year 2029 has no index", ex.Message);

        var absent = Input(100_000_000, [new YearIndex(2028, 0.02m, null)]);
        Assert.Contains("year 2029", Assert.Throws<InvalidStateException>(() => Lumpsum.Compute(absent, 2029)).Message);
    }

    [Fact]
    public void A_ventiel_adjustment_counts_in_its_own_year_only_and_the_chain_runs_on_L()
    {
        // 2028: L = 100,000,000 * 1.02 = 102,000,000; Ltot = 102,000,000 + 500,000 = 102,500,000
        // 2029: L = 102,000,000 * 1.02 = 104,040,000 (not 102,500,000 * 1.02);
        //       Ltot = 104,040,000 - 200,000 - 40,000 = 103,800,000
        var input = Input(100_000_000,
            [new YearIndex(2028, 0.02m, null), new YearIndex(2029, 0.02m, null)],
            [
                new VentielAdjustment(2028, 500_000, "ageing"),
                new VentielAdjustment(2029, -200_000, "PGB to ZIN"),
                new VentielAdjustment(2029, -40_000, "policy"),
            ]);

        var y2028 = Lumpsum.Compute(input, 2028);
        Assert.Equal(102_000_000, y2028.LumpsumCents);
        Assert.Equal(500_000, y2028.AdjustmentsTotalCents);
        Assert.Equal(102_500_000, y2028.TotalCents);
        Assert.Equal(["ageing"], y2028.Adjustments.Select(a => a.Reason));

        var y2029 = Lumpsum.Compute(input, 2029);
        Assert.Equal(104_040_000, y2029.LumpsumCents);
        Assert.Equal(-240_000, y2029.AdjustmentsTotalCents);
        Assert.Equal(2, y2029.Adjustments.Count);
        Assert.Equal(103_800_000, y2029.TotalCents);
    }

    [Fact]
    public void Advances_are_eleven_times_the_floor_and_the_remainder_in_december()
    {
        // 1,000,000,007 / 12 = 83,333,333 rest 11; December = 1,000,000,007 - 11 * 83,333,333
        //                    = 1,000,000,007 - 916,666,663 = 83,333,344
        var r = Lumpsum.Compute(Input(1_000_000_007, []), 2027);
        Assert.Equal(83_333_333, r.MonthlyAdvanceCents);
        Assert.Equal(83_333_344, r.DecemberAdvanceCents);
        Assert.Equal(12, r.MonthlyAdvances.Count);
        Assert.All(r.MonthlyAdvances.Take(11), a => Assert.Equal(83_333_333, a));
        Assert.Equal(1_000_000_007, r.MonthlyAdvances.Sum());
    }

    [Fact]
    public void A_negative_total_floors_toward_minus_infinity()
    {
        // Ltot = 0 - 1,000,000,007; floor(-83,333,333.9166..) = -83,333,334;
        // December = -1,000,000,007 + 11 * 83,333,334 = -1,000,000,007 + 916,666,674 = -83,333,333
        var r = Lumpsum.Compute(Input(0, [], [new VentielAdjustment(2027, -1_000_000_007, "correction")]), 2027);
        Assert.Equal(-1_000_000_007, r.TotalCents);
        Assert.Equal(-83_333_334, r.MonthlyAdvanceCents);
        Assert.Equal(-83_333_333, r.DecemberAdvanceCents);
        Assert.Equal(-1_000_000_007, r.MonthlyAdvances.Sum());
    }

    [Fact]
    public void An_exact_multiple_of_twelve_gives_equal_advances()
    {
        var r = Lumpsum.Compute(Input(1_200, []), 2027);
        Assert.All(r.MonthlyAdvances, a => Assert.Equal(100, a));
    }

    [Fact]
    public void A_year_before_the_base_year_or_a_duplicate_index_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Lumpsum.Compute(Input(1, []), 2026));
        Assert.Throws<ArgumentException>(() =>
            Lumpsum.Compute(Input(1, [new YearIndex(2028, 0.01m, null), new YearIndex(2028, 0.02m, null)]), 2028));
    }

    [Fact]
    public void An_index_with_more_than_four_decimals_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Lumpsum.Compute(Input(100, [new YearIndex(2028, 0.04961m, null)]), 2028));
}
