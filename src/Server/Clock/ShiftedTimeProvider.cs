namespace GonPortal.Server.Clock;

/// <summary>
/// The system clock moved to another day, for demos and tests only ("Clock:Today", e.g. 2028-01-15):
/// the contracts start on 1 January 2027, and hours may not be reported for future dates, so a demo
/// shown in 2026 needs to live in 2028 to show a year of care. Time of day keeps running.
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
        var now = System.GetUtcNow();
        var shift = target.ToDateTime(TimeOnly.FromDateTime(now.UtcDateTime), DateTimeKind.Utc) - now.UtcDateTime;
        return new ShiftedTimeProvider(shift);
    }
}
