using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Tests.Settlements;

public class SettlementRulesTests
{
    [Theory]
    [InlineData(5, 2, 3)]      // 2.5 -> 3
    [InlineData(-5, 2, -3)]    // -2.5 -> -3
    [InlineData(7, 2, 4)]      // 3.5 -> 4
    [InlineData(-7, 2, -4)]    // -3.5 -> -4
    [InlineData(249, 100, 2)]  // 2.49 -> 2
    [InlineData(-249, 100, -2)]
    [InlineData(1, 3, 0)]
    public void Round_is_half_away_from_zero(long n, long d, long cents) =>
        Assert.Equal(cents, SettlementRules.RoundCents(new Rational(n, d)));

    [Theory]
    [InlineData(25, 12, 2)]
    [InlineData(24, 12, 2)]
    [InlineData(-1, 12, -1)]
    [InlineData(-12, 12, -1)]
    [InlineData(-13, 12, -2)]
    [InlineData(0, 12, 0)]
    public void Floor_is_toward_minus_infinity(long n, long d, long q) =>
        Assert.Equal(q, SettlementRules.FloorDiv(n, d));

    [Fact]
    public void A_fraction_converts_exactly()
    {
        Assert.Equal(new Rational(496, 10_000), SettlementRules.Fraction(0.0496m, "i"));
        Assert.Equal(new Rational(3, 100), SettlementRules.Fraction(0.03000m, "cap"));
        Assert.Equal(new Rational(-1, 100), SettlementRules.Fraction(-0.01m, "i"));
        Assert.Throws<ArgumentOutOfRangeException>(() => SettlementRules.Fraction(0.00001m, "i"));
    }

    [Fact]
    public void The_rules_version_is_1_1() => Assert.Equal("1.1", SettlementRules.RulesVersion);
}
