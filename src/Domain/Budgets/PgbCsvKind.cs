namespace GonPortal.Domain.Budgets;

/// <summary>Which PGB inputs a CSV file holds, and so its columns (budgets.proto PgbCsvKind).</summary>
public enum PgbCsvKind
{
    MonthlyCounts = 1,
    AverageCosts = 2,
    Baselines = 3,
}
