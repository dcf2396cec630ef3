using GonPortal.Domain.Reference;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Budgets;

/// <summary>Why the gemeente posts a ventiel adjustment (domain brief §7.1).</summary>
public enum BudgetAdjustmentReason
{
    Ageing = 1,
    PgbZinShift = 2,
    PolicyChange = 3,
    Other = 4,
}

/// <summary>
/// Ventiel: a signed adjustment V(a, y) of the lumpsum of one area for its own year only
/// (settlement-rules.md §1). Never changed or deleted; a mistake is corrected by the opposite amount.
/// </summary>
public sealed class BudgetAdjustment
{
    private BudgetAdjustment() { }

    public Guid Id { get; private set; }
    public int AreaId { get; private set; }
    public int Year { get; private set; }
    public long AmountCents { get; private set; }
    public BudgetAdjustmentReason Reason { get; private set; }
    public string Description { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public static BudgetAdjustment Create(Guid id, int areaId, int year, long amountCents, BudgetAdjustmentReason? reason,
        string? description, string by, DateTimeOffset now)
    {
        var v = new Violations();
        AreaIdRules.Required(v, areaId);
        v.Check(!BudgetLimits.IsYear(year), "year", $"must be a year {BudgetLimits.MinYear}-{BudgetLimits.MaxYear}");
        v.Check(amountCents == 0, "amount_cents", "must not be 0 (positive raises, negative lowers the lumpsum)");
        v.Check(amountCents < -BudgetLimits.MaxLumpsumCents || amountCents > BudgetLimits.MaxLumpsumCents, "amount_cents", $"must be at most {BudgetLimits.MaxLumpsumCents} in size");
        v.Check(reason is null, "reason", "must be given");
        var text = description?.Trim() ?? "";
        v.Check(text.Length is < 3 or > 2000, "description", "must be 3-2000 characters");
        v.ThrowIfAny();
        return new BudgetAdjustment
        {
            Id = id, AreaId = areaId, Year = year, AmountCents = amountCents, Reason = reason!.Value,
            Description = text, CreatedAt = now, CreatedBy = by,
        };
    }
}
