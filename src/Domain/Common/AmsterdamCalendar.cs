namespace GonPortal.Domain.Common;

/// <summary>
/// Calendar dates in the GON domain are Dutch dates (settlement-rules.md, Conventions): care given
/// just after midnight in Groningen is already "today" while UTC is still on yesterday.
/// </summary>
public static class AmsterdamCalendar
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The calendar date in Europe/Amsterdam at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>The calendar date in Europe/Amsterdam now, by <paramref name="clock"/> (the server's <c>Clock:Today</c>).</summary>
    public static DateOnly Today(TimeProvider clock) => Today(clock.GetUtcNow());
}
