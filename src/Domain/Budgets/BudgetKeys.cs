using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Budgets;

/// <summary>The keys budget figures are stored under (area, year, month), checked the same way for every request.</summary>
public static class BudgetKeys
{
    /// <summary>
    /// An area filter of a budget list: 0 means all areas, anything else must be an area. Budget lists have
    /// always answered a bad filter with the single-area wording, so they keep it.
    /// </summary>
    public static void AreaFilter(Violations v, int areaId)
    {
        if (areaId != 0)
        {
            AreaIdRules.Required(v, areaId);
        }
    }

    public static void Year(Violations v, int year) =>
        v.Check(!BudgetLimits.IsYear(year), "year", $"must be a year {BudgetLimits.MinYear}-{BudgetLimits.MaxYear}");

    /// <summary>A PGB count is taken at the end of a month, so a month that has not ended has no count yet.</summary>
    public static void EndedMonth(Violations v, int year, int month, DateOnly today)
    {
        if (!v.Check(month is < 1 or > 12, "month", $"month {month} is not 1-12") || !BudgetLimits.IsYear(year))
        {
            return;
        }
        v.Check(new DateOnly(year, month, 1).AddMonths(1) > today, "month", $"{year}-{month:D2} has not ended yet");
    }

    /// <summary>A year report covers a year that has begun: the current year (interim) or an earlier one.</summary>
    public static void NotFutureYear(Violations v, int year, DateOnly today) =>
        v.Check(BudgetLimits.IsYear(year) && year > today.Year, "year", $"{year} has not begun; a year report covers {today.Year} or earlier");
}
