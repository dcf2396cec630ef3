namespace GonPortal.Domain.Budgets;

/// <summary>C(a, y): the average yearly PGB cost per client of an area, in cents (settlement-rules.md §2).</summary>
public sealed class PgbAverageCost
{
    private PgbAverageCost() { }

    public int AreaId { get; private set; }
    public int Year { get; private set; }
    public long AverageCostCents { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public static PgbAverageCost Create(int areaId, int year, long averageCostCents, string by, DateTimeOffset now)
    {
        Validate(averageCostCents);
        return new PgbAverageCost { AreaId = areaId, Year = year, AverageCostCents = averageCostCents, UpdatedAt = now, UpdatedBy = by };
    }

    /// <summary>Returns true when the amount changed.</summary>
    public bool Change(long averageCostCents, string by, DateTimeOffset now)
    {
        Validate(averageCostCents);
        if (averageCostCents == AverageCostCents)
        {
            return false;
        }
        AverageCostCents = averageCostCents;
        UpdatedAt = now;
        UpdatedBy = by;
        return true;
    }

    private static void Validate(long averageCostCents)
    {
        var v = new Validation.Violations();
        v.Check(averageCostCents < 0, "average_cost_cents", "must be 0 or more (euro cents)");
        v.Check(averageCostCents > BudgetLimits.MaxLumpsumCents, "average_cost_cents", "is implausibly large");
        v.ThrowIfAny();
    }
}
