namespace GonPortal.Domain.Budgets;

/// <summary>Which budget figure a <see cref="BudgetChange"/> is about.</summary>
public enum BudgetFigure
{
    BaseLumpsum = 1,
    IndexPrognosis = 2,
    IndexDefinitive = 3,
    PgbBaseline = 4,
    PgbMonthlyCount = 5,
    PgbAverageCost = 6,
    YearReport = 7,
    YearReportLock = 8,

    /// <summary>The base year y0 of a base lumpsum (values are years).</summary>
    BaseYear = 9,
}

/// <summary>
/// History of a budget figure that is set by replacing it (base lumpsum, index, PGB inputs, year
/// report): every write appends the old and new value, who and when. Adjustments and year parameters
/// need none: they are append-only themselves.
/// </summary>
public sealed class BudgetChange
{
    private BudgetChange() { }

    public Guid Id { get; private set; }
    public BudgetFigure Figure { get; private set; }

    /// <summary>0 when the figure is not per area (the index).</summary>
    public int AreaId { get; private set; }

    /// <summary>0 when the figure is not per year (base lumpsum, baseline: per area contract).</summary>
    public int Year { get; private set; }

    /// <summary>1-12 for monthly figures, else 0.</summary>
    public int Month { get; private set; }

    /// <summary>The area contract for per-contract figures.</summary>
    public Guid? AreaContractId { get; private set; }

    /// <summary>The value before, as text (e.g. "1250000", "2027-01-01 412"); null when the figure was new.</summary>
    public string? OldValue { get; private set; }
    public string NewValue { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
    public string ChangedBy { get; private set; } = "";

    /// <summary>How it was written, e.g. "SetPgbMonthlyCount" or "ImportPgbCsv".</summary>
    public string Source { get; private set; } = "";

    public static BudgetChange Record(BudgetFigure figure, int areaId, int year, int month, Guid? areaContractId,
        string? oldValue, string newValue, string by, string source, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Figure = figure, AreaId = areaId, Year = year, Month = month, AreaContractId = areaContractId,
        OldValue = oldValue, NewValue = newValue, ChangedAt = now, ChangedBy = by, Source = source,
    };
}
