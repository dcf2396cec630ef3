using GonPortal.Portal.Formatting;

namespace GonPortal.Portal.Tests.Formatting;

/// <summary>The portal's number reader: what a Dutch person means is read, what could mean two things is refused.</summary>
public sealed class DutchNumberTests
{
    [Theory]
    [InlineData("64,50", 6450)]
    [InlineData("64,5", 6450)]
    [InlineData("64", 6400)]
    [InlineData("€ 1.234,56", 123456)]
    [InlineData("€1.234,56", 123456)]
    [InlineData("1.234,56", 123456)]
    [InlineData("1.234.567,89", 123456789)]
    [InlineData("1500", 150000)]
    [InlineData("1.500,00", 150000)]
    [InlineData("€ 80,-", 8000)]
    [InlineData("€ 80,--", 8000)]
    [InlineData(",50", 50)]
    [InlineData("0,05", 5)]
    [InlineData(" 12 ", 1200)]
    [InlineData("\u00A0€\u00A064,50\u00A0", 6450)]
    public void Money_as_a_Dutch_person_writes_it_is_read_as_cents(string typed, long cents) =>
        Assert.Equal(cents, DutchNumber.Money(typed).Value);

    [Theory]
    [InlineData("64.50")]
    [InlineData("1.500")]
    [InlineData("1.5")]
    [InlineData("1.234")]
    [InlineData("€ 64.50")]
    public void Money_with_a_point_and_no_comma_part_is_refused_with_how_to_write_it(string typed)
    {
        var reading = DutchNumber.Money(typed);
        Assert.Null(reading.Value);
        Assert.Contains("Schrijf bedragen met een komma: 64,50", reading.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12.34,56")]
    [InlineData("1.2345,00")]
    [InlineData("1234.567,00")]
    public void A_point_outside_groups_of_three_is_refused_even_with_a_comma_part(string typed) =>
        Assert.Equal(NumberMessages.Ambiguous(NumberKind.Money), DutchNumber.Money(typed).Message);

    [Fact]
    public void Money_with_three_decimals_is_refused() =>
        Assert.Equal(NumberMessages.MoneyDecimals, DutchNumber.Money("1,234").Message);

    [Fact]
    public void Negative_money_is_refused_unless_the_field_allows_it()
    {
        Assert.Equal(NumberMessages.Negative(NumberKind.Money), DutchNumber.Money("-5").Message);
        Assert.Equal(-500, DutchNumber.Money("-5", allowNegative: true).Value);
        Assert.Equal(-123456, DutchNumber.Money("€ -1.234,56", allowNegative: true).Value);
        Assert.Equal(-6450, DutchNumber.Money("-€ 64,50", allowNegative: true).Value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("12,5,0")]
    [InlineData("12,")]
    [InlineData("1 234")]
    [InlineData("€")]
    [InlineData("--5")]
    public void Letters_and_stray_signs_are_not_an_amount(string typed)
    {
        var reading = DutchNumber.Money(typed);
        Assert.False(reading.IsRead);
        Assert.False(reading.IsEmpty);
        Assert.False(string.IsNullOrEmpty(reading.Message));
    }

    [Fact]
    public void Letters_say_it_is_no_amount() =>
        Assert.Equal(NumberMessages.NotANumber(NumberKind.Money), DutchNumber.Money("abc").Message);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_typed_is_empty_with_a_request_for_a_value(string? typed)
    {
        var reading = DutchNumber.Money(typed);
        Assert.True(reading.IsEmpty);
        Assert.Null(reading.Value);
        Assert.Equal("Vul een bedrag in, bijvoorbeeld 64,50.", reading.Message);
    }

    [Fact]
    public void A_number_too_large_for_the_portal_is_refused() =>
        Assert.Equal(NumberMessages.TooLarge, DutchNumber.Money("99999999999999999999").Message);

    [Theory]
    [InlineData("1,5", 90)]
    [InlineData("1:30", 90)]
    [InlineData("0:45", 45)]
    [InlineData("2", 120)]
    [InlineData("1,25", 75)]
    [InlineData("0,75", 45)]
    [InlineData("1,05", 63)]
    [InlineData(" 1,5 uur ", 90)]
    [InlineData("1,5u", 90)]
    [InlineData("40", 2400)]
    public void Hours_are_read_as_minutes(string typed, long minutes) =>
        Assert.Equal(minutes, DutchNumber.Hours(typed).Value);

    [Fact]
    public void Hours_with_a_point_are_refused_not_read_as_fifteen() =>
        Assert.Equal(NumberMessages.Ambiguous(NumberKind.Hours), DutchNumber.Hours("1.5").Message);

    [Theory]
    [InlineData("1:75", NumberMessages.ClockMinutes)]
    [InlineData("1:3", NumberMessages.Clock)]
    [InlineData("1:30:00", NumberMessages.Clock)]
    [InlineData("1,33", NumberMessages.HoursNotMinutes)]
    [InlineData("0,125", NumberMessages.HoursNotMinutes)]
    public void Hours_that_are_no_whole_minutes_or_a_wrong_clock_are_refused(string typed, string message) =>
        Assert.Equal(message, DutchNumber.Hours(typed).Message);

    [Fact]
    public void Negative_hours_only_where_a_correction_is_allowed()
    {
        Assert.Equal(NumberMessages.Negative(NumberKind.Hours), DutchNumber.Hours("-1,5").Message);
        Assert.Equal(-90, DutchNumber.Hours("-1:30", allowNegative: true).Value);
    }

    [Theory]
    [InlineData("4,96", 496)]
    [InlineData("3", 300)]
    [InlineData("15 %", 1500)]
    [InlineData("15%", 1500)]
    [InlineData("0,5", 50)]
    public void Percentages_are_read_as_basis_points(string typed, long basisPoints) =>
        Assert.Equal(basisPoints, DutchNumber.Percent(typed).Value);

    [Theory]
    [InlineData("4.96", "Schrijf een percentage met een komma")]
    [InlineData("4,965", "hoogstens 2 cijfers")]
    public void Percentages_with_a_point_or_three_decimals_are_refused(string typed, string message) =>
        Assert.Contains(message, DutchNumber.Percent(typed).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("12", 12)]
    [InlineData(" 2027 ", 2027)]
    [InlineData("0", 0)]
    public void Counts_are_whole_numbers(string typed, long count) =>
        Assert.Equal(count, DutchNumber.Count(typed).Value);

    [Theory]
    [InlineData("1.500", "zonder punt")]
    [InlineData("1.5", "zonder punt")]
    [InlineData("1,5", "heel getal")]
    [InlineData("-5", "niet negatief")]
    [InlineData("abc", "geen heel getal")]
    public void Counts_refuse_points_commas_signs_and_letters(string typed, string message) =>
        Assert.Contains(message, DutchNumber.Count(typed).Message, StringComparison.Ordinal);
}
