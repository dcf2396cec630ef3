using GonPortal.Domain.Settlements;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Budgets;

/// <summary>Prognosis or definitive index figure.</summary>
public enum IndexKind
{
    Prognosis = 1,
    Definitive = 2,
}

/// <summary>
/// Index i(y) of one year, for all areas (settlement-rules.md §1): the prognosis (VNG advice before
/// the year), later the definitive figure, which then replaces the prognosis in every computation.
/// </summary>
public sealed class IndexRate
{
    private IndexRate() { }

    public int Year { get; private set; }
    public int? PrognosisBp { get; private set; }
    public string PrognosisSource { get; private set; } = "";
    public int? DefinitiveBp { get; private set; }
    public string DefinitiveSource { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public int EffectiveBp => DefinitiveBp ?? PrognosisBp ?? 0;
    public IndexKind EffectiveKind => DefinitiveBp is null ? IndexKind.Prognosis : IndexKind.Definitive;

    /// <summary>The figure as the lumpsum formula takes it.</summary>
    public YearIndex ToYearIndex() => new(Year,
        PrognosisBp is { } p ? BudgetLimits.Fraction(p) : null,
        DefinitiveBp is { } d ? BudgetLimits.Fraction(d) : null);

    public static IndexRate Create(int year, string by, DateTimeOffset now) =>
        new() { Year = year, UpdatedAt = now, UpdatedBy = by };

    /// <summary>Validates the request fields (proto names) without changing anything.</summary>
    public static void Validate(int year, IndexKind? kind, int indexBp, string? source)
    {
        var v = new Violations();
        v.Check(!BudgetLimits.IsYear(year), "year", $"must be a year {BudgetLimits.MinYear}-{BudgetLimits.MaxYear}");
        v.Check(kind is null, "kind", "must be INDEX_KIND_PROGNOSIS or INDEX_KIND_DEFINITIVE");
        v.Check(indexBp is < -BudgetLimits.MaxIndexBp or > BudgetLimits.MaxIndexBp, "index_bp",
            $"must be between -{BudgetLimits.MaxIndexBp} and {BudgetLimits.MaxIndexBp} basis points (496 = 4.96 %)");
        v.Check((source?.Length ?? 0) > 200, "source", "must be at most 200 characters");
        v.ThrowIfAny();
    }

    /// <summary>Sets one of the two figures; returns true when anything changed.</summary>
    public bool Set(IndexKind kind, int indexBp, string? source, string by, DateTimeOffset now)
    {
        Validate(Year, kind, indexBp, source);
        source = source?.Trim() ?? "";
        var changed = kind == IndexKind.Prognosis
            ? PrognosisBp != indexBp || PrognosisSource != source
            : DefinitiveBp != indexBp || DefinitiveSource != source;
        if (!changed)
        {
            return false;
        }
        if (kind == IndexKind.Prognosis)
        {
            PrognosisBp = indexBp;
            PrognosisSource = source;
        }
        else
        {
            DefinitiveBp = indexBp;
            DefinitiveSource = source;
        }
        UpdatedAt = now;
        UpdatedBy = by;
        return true;
    }
}
