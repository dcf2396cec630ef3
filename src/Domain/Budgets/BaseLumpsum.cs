using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Budgets;

/// <summary>
/// Basislumpsum B(a): what the gemeente pays for one area in the base year of an area contract
/// (settlement-rules.md §1). One per area contract; setting it again replaces the amount and the
/// old value goes to the <see cref="BudgetChange"/> history.
/// </summary>
public sealed class BaseLumpsum
{
    private BaseLumpsum() { }

    public Guid AreaContractId { get; private set; }
    public int AreaId { get; private set; }

    /// <summary>y0: the year in which the contract period starts.</summary>
    public int BaseYear { get; private set; }

    public long AmountCents { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public static BaseLumpsum Create(Guid areaContractId, int areaId, int baseYear, long amountCents, string by, DateTimeOffset now)
    {
        Validate(amountCents);
        return new BaseLumpsum
        {
            AreaContractId = areaContractId, AreaId = areaId, BaseYear = baseYear,
            AmountCents = amountCents, UpdatedAt = now, UpdatedBy = by,
        };
    }

    /// <summary>Returns true when the amount changed.</summary>
    public bool Change(long amountCents, string by, DateTimeOffset now)
    {
        Validate(amountCents);
        if (amountCents == AmountCents)
        {
            return false;
        }
        AmountCents = amountCents;
        UpdatedAt = now;
        UpdatedBy = by;
        return true;
    }

    private static void Validate(long amountCents)
    {
        var v = new Violations();
        Check(v, amountCents);
        v.ThrowIfAny();
    }

    /// <summary>Adds the violations of the amount to <paramref name="v"/>, so a request reports every bad field at once.</summary>
    public static void Check(Violations v, long amountCents)
    {
        v.Check(amountCents < 1, "amount_cents", "must be 1 or more (euro cents)");
        v.Check(amountCents > BudgetLimits.MaxLumpsumCents, "amount_cents", $"must be at most {BudgetLimits.MaxLumpsumCents} (EUR 10 billion)");
    }
}
