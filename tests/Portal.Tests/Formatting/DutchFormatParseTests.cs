using GonPortal.Contracts.V1;
using GonPortal.Portal.Formatting;
using GonPortal.Portal.Hours;
using GonPortal.Portal.ServerApi;

namespace GonPortal.Portal.Tests.Formatting;

/// <summary>The older parse helpers that forms and the hour grid call go through the same strict reader.</summary>
public sealed class DutchFormatParseTests
{
    [Theory]
    [InlineData("64,50", 6450L)]
    [InlineData("€ 1.234,56", 123456L)]
    [InlineData("64.50", null)]
    [InlineData("1.500", null)]
    [InlineData("1,234", null)]
    public void Euro_cents(string typed, long? cents) => Assert.Equal(cents, DutchFormat.ParseEuroCents(typed));

    [Theory]
    [InlineData("4,96", 496)]
    [InlineData("4.96", null)]
    public void Basis_points(string typed, int? bp) => Assert.Equal(bp, DutchFormat.ParseBasisPoints(typed));

    [Theory]
    [InlineData("1,5", true, 90)]
    [InlineData("1:30", true, 90)]
    [InlineData("1.5", true, null)]
    [InlineData("1.5", false, null)]
    [InlineData("15", false, 15)]
    [InlineData("1,5", false, null)]
    public void Volume(string typed, bool hours, int? volume) => Assert.Equal(volume, DutchFormat.ParseVolume(typed, hours));

    [Theory]
    [InlineData("2027", 2027L)]
    [InlineData("1.234", null)]
    public void Whole(string typed, long? value) => Assert.Equal(value, DutchFormat.ParseWhole(typed));

    [Fact]
    public void The_hour_grid_refuses_a_point_with_a_message()
    {
        Assert.Null(QuantityInput.Parse("1.5", Unit.Hour));
        Assert.True(QuantityInput.IsUnreadable("1.5", Unit.Hour));
        Assert.Equal(NumberMessages.Ambiguous(NumberKind.Hours), QuantityInput.MessageFor("1.5", Unit.Hour));
    }

    [Theory]
    [InlineData("1,5", 90)]
    [InlineData("1:30", 90)]
    [InlineData("-1,5", -90)]
    public void The_hour_grid_reads_hours_and_corrections(string typed, int minutes) =>
        Assert.Equal(minutes, QuantityInput.Parse(typed, Unit.Hour));

    [Fact]
    public void An_empty_cell_is_neither_a_quantity_nor_unreadable()
    {
        Assert.Null(QuantityInput.Parse("  ", Unit.Dagdeel));
        Assert.False(QuantityInput.IsUnreadable("  ", Unit.Dagdeel));
        Assert.Null(QuantityInput.MessageFor("", Unit.Hour));
    }

    [Fact]
    public void A_csv_quantity_with_a_point_is_a_read_error_not_a_guess()
    {
        var arrangement = new ArrangementView("a1", "c1", 1, "Stadse Zorg", ArrangementState.Active, SupportType.Basis, Product.Begeleiding,
            Unit.Hour, new DateOnly(2027, 1, 1), null, [], []);
        var lines = HourCsv.Read(
            "k1;Jan Jansen;begeleiding;05-01-2028;1.500;\nk2;Jan Jansen;begeleiding;05-01-2028;1,5;",
            [new AssignmentView(arrangement, "Jan Jansen")],
            name => name == "begeleiding" ? Product.Begeleiding : null);

        Assert.Equal("Csv.Uren", lines[0].ReadError);
        Assert.Equal(90, lines[1].Draft!.Quantity);
    }
}
