namespace GonPortal.Domain.Budgets;

/// <summary>One invalid row (or the whole file, on line 1) of a PGB CSV import; column empty when the whole line is wrong.</summary>
public sealed record PgbCsvError(int Line, string Column, string Message);

/// <summary>A valid row of a monthly-count file: p(a, y, m).</summary>
public sealed record PgbCountRow(int Line, int AreaId, int Year, int Month, int ClientCount);

/// <summary>A valid row of an average-cost file: C(a, y).</summary>
public sealed record PgbCostRow(int Line, int AreaId, int Year, long AverageCostCents);

/// <summary>A valid row of a baseline file: P0 of an area contract. Whether the contract exists is the caller's check.</summary>
public sealed record PgbBaselineRow(int Line, Guid AreaContractId, DateOnly ReferenceDate, int ClientCount);

/// <summary>
/// A parsed file: the valid rows of its kind and every error. The import is all-or-nothing, so a
/// caller stores the rows only when <see cref="Errors"/> is empty.
/// </summary>
public sealed record PgbCsvFile(
    PgbCsvKind Kind,
    int RowCount,
    IReadOnlyList<PgbCountRow> Counts,
    IReadOnlyList<PgbCostRow> Costs,
    IReadOnlyList<PgbBaselineRow> Baselines,
    IReadOnlyList<PgbCsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
