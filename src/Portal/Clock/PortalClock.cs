using System.Globalization;

namespace GonPortal.Portal.Clock;

/// <summary>
/// Today's date for the portal's default choices (which week the hour grid opens on, which month a report
/// shows). Configuration <c>Clock:Today</c> shifts it like the Server's clock, so the demo, which lives on
/// 15 January 2028, opens on weeks that have data. It never decides anything: the Server does.
/// </summary>
public sealed class PortalClock(IConfiguration configuration, TimeProvider timeProvider)
{
    public DateOnly Today =>
        DateOnly.TryParse(configuration["Clock:Today"], CultureInfo.InvariantCulture, out var fixedDay)
            ? fixedDay
            : DateOnly.FromDateTime(timeProvider.GetLocalNow().DateTime);

    /// <summary>Monday of the week that holds <paramref name="day"/>.</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
