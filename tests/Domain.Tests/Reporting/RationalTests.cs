using System.Numerics;
using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Tests.Reporting;

public class RationalTests
{
    [Fact]
    public void Is_kept_in_lowest_terms()
    {
        var r = new Rational(6, 8);
        Assert.Equal(new BigInteger(3), r.Numerator);
        Assert.Equal(new BigInteger(4), r.Denominator);
    }

    [Fact]
    public void A_negative_denominator_moves_the_sign_to_the_numerator()
    {
        var r = new Rational(3, -4);
        Assert.Equal(new BigInteger(-3), r.Numerator);
        Assert.Equal(new BigInteger(4), r.Denominator);
    }

    [Fact]
    public void Zero_has_denominator_one_and_equals_default() =>
        Assert.Equal(Rational.Zero, new Rational(0, 17));

    [Fact]
    public void Denominator_zero_is_refused() =>
        Assert.Throws<DivideByZeroException>(() => new Rational(1, 0));

    [Fact]
    public void Adds_exactly() => Assert.Equal(new Rational(1, 2), new Rational(1, 3) + new Rational(1, 6));

    [Fact]
    public void Subtracts_exactly() => Assert.Equal(new Rational(-1, 6), new Rational(1, 6) - new Rational(1, 3));

    [Fact]
    public void A_seventh_times_seven_is_exactly_one() => Assert.Equal(Rational.One, new Rational(1, 7) * 7);

    [Fact]
    public void Divides_exactly() => Assert.Equal(new Rational(7, 2), new Rational(7, 4) / new Rational(1, 2));

    [Fact]
    public void Division_by_zero_is_refused() => Assert.Throws<DivideByZeroException>(() => Rational.One / Rational.Zero);

    [Fact]
    public void Compares_by_value()
    {
        Assert.True(new Rational(1, 3) < new Rational(34, 100));
        Assert.True(new Rational(2, 6) == new Rational(1, 3));
        Assert.Equal(new Rational(1, 3), Rational.Max(new Rational(1, 3), new Rational(-1, 2)));
    }

    [Theory]
    [InlineData(1, 2, 1)]
    [InlineData(-1, 2, -1)]
    [InlineData(5, 2, 3)]
    [InlineData(-5, 2, -3)]
    [InlineData(249, 100, 2)]
    [InlineData(251, 100, 3)]
    [InlineData(-249, 100, -2)]
    [InlineData(1, 3, 0)]
    public void Rounds_half_away_from_zero_to_a_whole_number(long n, long d, long expected) =>
        Assert.Equal(new BigInteger(expected), new Rational(n, d).RoundToInteger());

    [Fact]
    public void Half_a_cent_rounds_up_a_whole_cent()
    {
        // 6,450 cents per hour for 1 minute: 6450 / 60 = 107.5 cents, exactly half: 108.
        Assert.Equal(new BigInteger(108), (new Rational(6450, 1) * new Rational(1, 60)).RoundToInteger());
    }

    [Fact]
    public void Multiplying_before_dividing_keeps_a_half_on_the_half()
    {
        // 10.5 spread over 7 days and summed back: decimal would hold 1.5 only approximately for
        // other divisors; the rational is exactly 21/2 and rounds to 11.
        var perDay = new Rational(21, 2) / 7;
        Assert.Equal(new BigInteger(11), (perDay * 7).RoundToInteger());
    }

    [Theory]
    [InlineData(1, 200, 2, "0.01")]
    [InlineData(-1, 200, 2, "-0.01")]
    [InlineData(4999, 1_000_000, 2, "0.00")]
    [InlineData(1234, 7, 4, "176.2857")]
    [InlineData(-1234, 7, 4, "-176.2857")]
    [InlineData(1, 20_000, 4, "0.0001")]
    [InlineData(-1, 30_000, 4, "0.0000")]
    [InlineData(5, 1, 4, "5.0000")]
    [InlineData(5, 2, 0, "3")]
    public void Display_string_rounds_half_away_from_zero(long n, long d, int decimals, string expected) =>
        Assert.Equal(expected, new Rational(n, d).ToRoundedString(decimals));

    [Fact]
    public void Display_decimal_rounds_half_away_from_zero()
    {
        Assert.Equal(0.01m, new Rational(1, 200).Round(2));
        Assert.Equal(-0.01m, new Rational(-1, 200).Round(2));
        Assert.Equal(176.2857m, new Rational(1234, 7).Round(4));
    }

    [Fact]
    public void Prints_as_fraction_or_whole_number()
    {
        Assert.Equal("5580/7", new Rational(5580, 7).ToString());
        Assert.Equal("120", new Rational(7200, 60).ToString());
    }

    [Fact]
    public void Large_sums_do_not_overflow()
    {
        var big = new Rational(long.MaxValue, 7);
        Assert.Equal(new Rational(long.MaxValue, 1) * 2 / 7, big + big);
    }
}
