namespace GonPortal.Server.Clock;

/// <summary>
/// The system clock moved to another day, for demos and tests only ("Clock:Today", e.g. 2028-01-15):
/// the contracts start on 1 January 2027, and hours may not be reported for future dates, so a demo
/// shown in 2026 needs to live in 2028 to show a year of care. Time of day keeps running; the date
/// it names is the date in Europe/Amsterdam, as every date of the domain.
/// </summary>
public sealed class ShiftedTimeProvider(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;

    public static TimeProvider From(IConfiguration configuration)
    {
        var today = configuration["Clock:Today"];
        if (string.IsNullOrWhiteSpace(today))
        {
            return System;
        }
        var target = DateOnly.Parse(today, global::System.Globalization.CultureInfo.InvariantCulture);
        // The same Dutch wall-clock time on the target date: shifting by the UTC date instead made
        // "today" the day after Clock:Today for the hour or two a day when Amsterdam is already on the
        // next date.
        var now = System.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var targetLocal = target.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        if (zone.IsInvalidTime(targetLocal))
        {
            targetLocal = targetLocal.AddHours(1); // the hour skipped when summer time starts
        }
        return new ShiftedTimeProvider(TimeZoneInfo.ConvertTimeToUtc(targetLocal, zone) - now.UtcDateTime);
    }
}
