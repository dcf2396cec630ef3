using GonPortal.Domain.Clients;

namespace GonPortal.Domain.Tests.Clients;

public class BsnTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("999999990")]
    [InlineData("010000008")]
    public void Nine_digits_that_pass_the_elfproef_are_valid(string bsn) => Assert.True(Bsn.IsValid(bsn));

    [Theory]
    [InlineData("111222334")]
    [InlineData("123456789")]
    [InlineData("999999999")]
    public void A_wrong_check_digit_is_invalid(string bsn) => Assert.False(Bsn.IsValid(bsn));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345678")]
    [InlineData("1234567820")]
    [InlineData("12345678a")]
    [InlineData(" 11122233")]
    [InlineData("１１１２２２３３３")]
    public void Anything_but_nine_ascii_digits_is_invalid(string? bsn) => Assert.False(Bsn.IsValid(bsn));

    [Fact]
    public void All_zeros_passes_the_sum_but_is_invalid() => Assert.False(Bsn.IsValid("000000000"));

    [Fact]
    public void The_last_digit_counts_negatively()
    {
        // 9*1 + 8*1 + 7*1 + 6*2 + 5*2 + 4*2 + 3*3 + 2*3 = 69; 69 - 3 = 66 = 6 * 11.
        Assert.True(Bsn.IsValid("111222333"));
        // With +1 as the last weight the sum would be 72, not divisible by 11.
        Assert.NotEqual(0, (69 + 3) % 11);
    }

    [Fact]
    public void Complete_adds_the_check_digit()
    {
        Assert.Equal("111222333", Bsn.Complete("11122233"));
        Assert.Equal("123456782", Bsn.Complete("12345678"));
    }

    [Fact]
    public void Complete_gives_null_when_the_check_digit_would_be_ten()
    {
        // 9+8+7+6+5+4+3+2*1 = 44 -> check 0 works; find a prefix with remainder 10.
        var prefix = Enumerable.Range(10_000_000, 200).Select(i => i.ToString("D8")).First(p => Bsn.Complete(p) is null);
        Assert.Null(Bsn.Complete(prefix));
    }

    [Fact]
    public void Complete_needs_eight_digits() => Assert.Throws<ArgumentException>(() => Bsn.Complete("123"));

    [Fact]
    public void Completed_numbers_are_always_valid()
    {
        foreach (var i in Enumerable.Range(20_000_000, 500))
        {
            if (Bsn.Complete(i.ToString("D8")) is { } bsn)
            {
                Assert.True(Bsn.IsValid(bsn), bsn);
            }
        }
    }
}

public class PostcodeTests
{
    [Theory]
    [InlineData("9711AB", "9711AB")]
    [InlineData("9711 ab", "9711AB")]
    [InlineData(" 9751 Gh ", "9751GH")]
    public void Valid_postcodes_are_normalised(string input, string expected) => Assert.Equal(expected, Postcode.Normalise(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0711AB")]
    [InlineData("971AB")]
    [InlineData("9711A1")]
    [InlineData("9711  AB")]
    [InlineData("9711-AB")]
    public void Invalid_postcodes_give_null(string? input) => Assert.Null(Postcode.Normalise(input));
}
