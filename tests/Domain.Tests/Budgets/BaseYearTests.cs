using GonPortal.Domain.Budgets;
using GonPortal.Domain.Settlements;
using GonPortal.Domain.Common;

namespace GonPortal.Domain.Tests.Budgets;

/// <summary>The base year y0 of a base lumpsum (settlement-rules.md 1.1 §1), worked by hand.</summary>
public class BaseYearTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Y0_defaults_to_the_year_before_the_contract_period()
    {
        var b = BaseLumpsum.Create(Guid.NewGuid(), 1, 2027, null, 100_000_000, "x", Now);
        Assert.Equal(2026, b.BaseYear);
    }

    [Fact]
    public void With_y0_before_the_period_the_first_contract_year_is_already_indexed()
    {
        // B = 12,345,678 at 2026 prices; i(2027) = 3.12 %:
        // 12,345,678 * 1.0312 = 12,345,678 + 385,185.1536 = 12,730,863.1536 -> 12,730,863.
        // 2028 with i = 2.75 %: 12,730,863 * 1.0275 = 12,730,863 + 350,098.7325 = 13,080,961.7325 -> 13,080,962.
        var input = new LumpsumInput(1, 2026, 12_345_678, [new YearIndex(2027, 0.0312m, null), new YearIndex(2028, 0.0275m, null)], []);
        var y2027 = Lumpsum.Compute(input, 2027);
        Assert.Equal(2026, y2027.BaseYear);
        Assert.Equal(12_730_863, Assert.Single(y2027.Chain).LumpsumCents);
        Assert.Equal(12_730_863, y2027.LumpsumCents);
        Assert.Equal([12_730_863L, 13_080_962L], Lumpsum.Compute(input, 2028).Chain.Select(s => s.LumpsumCents));
    }

    [Fact]
    public void With_y0_inside_the_period_the_lumpsum_of_y0_is_the_base_amount()
    {
        var b = BaseLumpsum.Create(Guid.NewGuid(), 1, 2027, 2027, 12_345_678, "x", Now);
        var r = Lumpsum.Compute(new LumpsumInput(1, b.BaseYear, b.AmountCents, [new YearIndex(2027, 0.0312m, null)], []), 2027);
        Assert.Empty(r.Chain);
        Assert.Equal(12_345_678, r.LumpsumCents);
    }

    [Fact]
    public void Y0_after_the_first_year_of_the_period_is_refused_and_a_change_of_y0_is_a_change()
    {
        var refused = Assert.Throws<DomainValidationException>(() => BaseLumpsum.Create(Guid.NewGuid(), 1, 2027, 2028, 500, "x", Now));
        Assert.Equal(["base_year"], refused.Violations.Select(v => v.Field));
        Assert.Equal(["amount_cents", "base_year"],
            Assert.Throws<DomainValidationException>(() => BaseLumpsum.Create(Guid.NewGuid(), 1, 2027, 1999, 0, "x", Now)).Violations.Select(v => v.Field));

        var b = BaseLumpsum.Create(Guid.NewGuid(), 1, 2027, 2027, 500, "x", Now);
        Assert.Throws<DomainValidationException>(() => b.Change(500, 2028, 2027, "y", Now));
        Assert.True(b.Change(500, 2026, 2027, "y", Now));
        Assert.Equal((2026, "y"), (b.BaseYear, b.UpdatedBy));
        // No y0 given keeps the stored one.
        Assert.True(b.Change(600, null, 2027, "z", Now));
        Assert.Equal(2026, b.BaseYear);
    }
}
