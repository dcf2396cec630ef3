using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;

namespace GonPortal.Domain.Tests.Hours;

public class AmsterdamCalendarTests
{
    [Fact]
    public void Half_past_eleven_utc_in_winter_is_already_the_next_day_in_Amsterdam() =>
        Assert.Equal(new DateOnly(2027, 1, 2), AmsterdamCalendar.Today(new DateTimeOffset(2027, 1, 1, 23, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void Ten_past_ten_utc_in_summer_is_already_the_next_day_in_Amsterdam() =>
        Assert.Equal(new DateOnly(2027, 7, 2), AmsterdamCalendar.Today(new DateTimeOffset(2027, 7, 1, 22, 10, 0, TimeSpan.Zero)));

    [Fact]
    public void Ten_to_eleven_utc_in_winter_is_still_the_same_day() =>
        Assert.Equal(new DateOnly(2027, 1, 1), AmsterdamCalendar.Today(new DateTimeOffset(2027, 1, 1, 22, 50, 0, TimeSpan.Zero)));
}
