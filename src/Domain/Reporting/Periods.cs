using GonPortal.Domain.Common;

namespace GonPortal.Domain.Reporting;

/// <summary>The closed date ranges reports and settlements are computed over, and day counting.</summary>
public static class Periods
{
    /// <summary>The calendar month, first to last day.</summary>
    public static DateRange Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new DateRange(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The calendar year, 1 January to 31 December.</summary>
    public static DateRange Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/>, both counted; 0 when <paramref name="to"/> is earlier.</summary>
    public static int DaysInclusive(DateOnly from, DateOnly to) => to < from ? 0 : to.DayNumber - from.DayNumber + 1;
}
