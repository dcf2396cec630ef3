using GonPortal.Contracts.V1;
using GonPortal.Portal.Formatting;

namespace GonPortal.Portal.Tests.Formatting;

/// <summary>The value as understood, shown under a field before it is saved, and where it stops being plausible.</summary>
public sealed class NumberDescriptionTests
{
    [Theory]
    [InlineData(NumberKind.Money, 6450, "per uur", "Wordt opgeslagen als € 64,50 per uur")]
    [InlineData(NumberKind.Money, 123456, null, "Wordt opgeslagen als € 1.234,56")]
    [InlineData(NumberKind.Percent, 496, null, "Wordt opgeslagen als 4,96 %")]
    [InlineData(NumberKind.Count, 15, "dagdelen per week", "Wordt opgeslagen als 15 dagdelen per week")]
    [InlineData(NumberKind.Hours, 90, null, "1,5 uur = 1 uur en 30 minuten")]
    [InlineData(NumberKind.Hours, 90, "per week", "1,5 uur = 1 uur en 30 minuten per week")]
    [InlineData(NumberKind.Hours, 80, null, "1 uur en 20 minuten")]
    [InlineData(NumberKind.Hours, 120, null, "2 uur = 2 uur")]
    public void Understood(NumberKind kind, long value, string? per, string expected) =>
        Assert.Equal(expected, NumberDescription.Understood(kind, value, per));

    [Theory]
    [InlineData(45, "45 minuten")]
    [InlineData(61, "1 uur en 1 minuut")]
    [InlineData(1, "1 minuut")]
    [InlineData(-90, "-1 uur en 30 minuten")]
    public void Hours_and_minutes(long minutes, string expected) =>
        Assert.Equal(expected, NumberDescription.HoursAndMinutes(minutes));

    [Fact]
    public void A_rate_over_250_euro_per_hour_is_implausible_until_confirmed()
    {
        var limits = new PlausibilityOptions();
        var rate = DutchNumber.Money("300");
        Assert.True(PlausibilityCheck.IsImplausible(rate, limits.RateLimitCents(Unit.Hour)));
        Assert.False(PlausibilityCheck.MaySave(rate, limits.RateLimitCents(Unit.Hour), confirmed: false));
        Assert.True(PlausibilityCheck.MaySave(rate, limits.RateLimitCents(Unit.Hour), confirmed: true));
        Assert.True(PlausibilityCheck.MaySave(DutchNumber.Money("250,00"), limits.RateLimitCents(Unit.Hour), confirmed: false));
        Assert.False(PlausibilityCheck.MaySave(DutchNumber.Money("64.50"), limits.RateLimitCents(Unit.Hour), confirmed: true));
    }

    [Fact]
    public void Volume_limits_per_unit_and_frequency()
    {
        var limits = new PlausibilityOptions();
        Assert.Equal(40 * 60, limits.VolumeLimit(Unit.Hour, VolumeFrequency.PerWeek));
        Assert.Equal(10_400, limits.VolumeLimit(Unit.Hour, VolumeFrequency.PerMonth)); // 40 hours × 52 / 12 = 173 hours 20 minutes
        Assert.Equal(10, limits.VolumeLimit(Unit.Dagdeel, VolumeFrequency.PerWeek));
        Assert.Equal(7, limits.VolumeLimit(Unit.Etmaal, VolumeFrequency.PerWeek));
        Assert.Null(limits.VolumeLimit(Unit.Hour, VolumeFrequency.Total));
        Assert.True(PlausibilityCheck.IsImplausible(DutchNumber.Hours("41"), limits.VolumeLimit(Unit.Hour, VolumeFrequency.PerWeek)));
        Assert.False(PlausibilityCheck.IsImplausible(DutchNumber.Hours("40"), limits.VolumeLimit(Unit.Hour, VolumeFrequency.PerWeek)));
    }
}
