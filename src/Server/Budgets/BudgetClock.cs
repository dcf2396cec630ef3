using GonPortal.Domain.Common;

namespace GonPortal.Server.Budgets;

/// <summary>The server's clock as budget writes use it (<c>Clock:Today</c> in tests and demos).</summary>
public sealed class BudgetClock(TimeProvider clock)
{
    /// <summary>
    /// Now, cut to whole milliseconds: PostgreSQL keeps microseconds and SQLite's ticks converter about
    /// 0.1 ms, so with milliseconds a write's response equals every later read.
    /// </summary>
    public DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>Today in Groningen: "month has not ended" and "future year" are Dutch dates.</summary>
    public DateOnly Today() => AmsterdamCalendar.Today(Now());
}
