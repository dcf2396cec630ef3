using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Budgets;

/// <summary>
/// Basislumpsum B(a): the lumpsum of one area at the price level of its base year y0
/// (settlement-rules.md 1.1 §1). One per area contract; setting it again replaces the amount (and,
/// when given, y0) and the old value goes to the <see cref="BudgetChange"/> history.
/// </summary>
public sealed class BaseLumpsum
{
    private BaseLumpsum() { }

    public Guid AreaContractId { get; private set; }
    public int AreaId { get; private set; }

    /// <summary>
    /// y0: the price-level year of the amount, L(y0) = B. Defaults to the year before the contract
    /// period (the 2027 budget is the 2026 budget indexed for 2027); may lie inside the period, never
    /// after its first year. Rows stored before rules 1.1 were entered as the lumpsum of the first
    /// contract year and keep y0 = that year.
    /// </summary>
    public int BaseYear { get; private set; }

    public long AmountCents { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>The earliest base year accepted (index years start there too).</summary>
    public const int MinBaseYear = 2000;

    /// <summary>y0 when none is given: the year before the contract period starts.</summary>
    public static int DefaultBaseYear(int periodFirstYear) => periodFirstYear - 1;

    /// <summary>
    /// A new base lumpsum of a contract whose period starts in <paramref name="periodFirstYear"/>;
    /// <paramref name="baseYear"/> null means the default (the year before).
    /// </summary>
    public static BaseLumpsum Create(Guid areaContractId, int areaId, int periodFirstYear, int? baseYear, long amountCents, string by, DateTimeOffset now)
    {
        var y0 = baseYear ?? DefaultBaseYear(periodFirstYear);
        Validate(amountCents, y0, periodFirstYear);
        return new BaseLumpsum
        {
            AreaContractId = areaContractId, AreaId = areaId, BaseYear = y0,
            AmountCents = amountCents, UpdatedAt = now, UpdatedBy = by,
        };
    }

    /// <summary>Replaces the amount and, when <paramref name="baseYear"/> is given, y0; returns true when either changed.</summary>
    public bool Change(long amountCents, int? baseYear, int periodFirstYear, string by, DateTimeOffset now)
    {
        var y0 = baseYear ?? BaseYear;
        Validate(amountCents, y0, periodFirstYear);
        if (amountCents == AmountCents && y0 == BaseYear)
        {
            return false;
        }
        AmountCents = amountCents;
        BaseYear = y0;
        UpdatedAt = now;
        UpdatedBy = by;
        return true;
    }

    private static void Validate(long amountCents, int baseYear, int periodFirstYear)
    {
        var v = new Violations();
        Check(v, amountCents);
        CheckBaseYear(v, baseYear, periodFirstYear);
        v.ThrowIfAny();
    }

    /// <summary>y0 may lie before or inside the contract period, never after its first year (settlement-rules.md §1).</summary>
    public static void CheckBaseYear(Violations v, int baseYear, int periodFirstYear)
    {
        v.Check(baseYear < MinBaseYear, "base_year", $"must be {MinBaseYear} or later");
        v.Check(baseYear > periodFirstYear, "base_year", $"must not be after {periodFirstYear}, the first year of the contract period");
    }

    /// <summary>Adds the violations of the amount to <paramref name="v"/>, so a request reports every bad field at once.</summary>
    public static void Check(Violations v, long amountCents)
    {
        v.Check(amountCents < 1, "amount_cents", "must be 1 or more (euro cents)");
        v.Check(amountCents > BudgetLimits.MaxLumpsumCents, "amount_cents", $"must be at most {BudgetLimits.MaxLumpsumCents} (EUR 10 billion)");
    }
}
