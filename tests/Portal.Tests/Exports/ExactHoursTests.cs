using GonPortal.Portal.Components.Settlement;
using GonPortal.Portal.ServerApi;

namespace GonPortal.Portal.Tests.Exports;

/// <summary>
/// The staff-shortage table's exact hours (a fraction from the Server) sort by their value, not by their text, and
/// download as whole minutes.
/// </summary>
public sealed class ExactHoursTests
{
    [Theory]
    [InlineData("12", "1", "12", 12.0, 720)]
    [InlineData("3", "7", "0.4286", 0.428571, 26)] // 25,714 minutes
    [InlineData("-3", "7", "-0.4286", -0.428571, -26)]
    [InlineData("1234", "8", "154.25", 154.25, 9255)]
    [InlineData("1", "120", "0.0083", 0.008333, 1)] // half a minute rounds away from zero
    [InlineData("0", "1", "0", 0.0, 0)]
    public void A_fraction_gives_its_value_and_whole_minutes(string numerator, string denominator, string rounded, double value, int minutes)
    {
        var hours = new ExactView(numerator, denominator, rounded);
        Assert.Equal((decimal)value, Math.Round(ExactHours.Value(hours)!.Value, 6));
        Assert.Equal(minutes, ExactHours.Minutes(hours));
    }

    [Fact]
    public void Hours_sort_by_value_where_their_text_would_not()
    {
        var texts = new[] { new ExactView("9", "1", "9"), new ExactView("10", "1", "10"), new ExactView("19", "2", "9.5") };
        Assert.Equal(["9", "19/2 (≈ 9,5)", "10"], texts.OrderBy(ExactHours.Value).Select(h => h.Text));
        Assert.Equal(["10", "19/2 (≈ 9,5)", "9"], texts.OrderBy(h => h.Text, StringComparer.Ordinal).Select(h => h.Text)); // what a text sort would do
    }

    [Fact]
    public void A_fraction_too_large_for_a_decimal_has_no_value_and_sorts_as_an_empty_cell()
    {
        var huge = new ExactView(new string('9', 40), "7", "1.4e39");
        Assert.Null(ExactHours.Value(huge));
        Assert.Null(ExactHours.Minutes(huge));
    }
}
