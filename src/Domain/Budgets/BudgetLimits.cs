namespace GonPortal.Domain.Budgets;

/// <summary>Plausibility bounds that catch typos (cents for euros, an extra zero) before they enter a settlement.</summary>
public static class BudgetLimits
{
    /// <summary>EUR 10 billion: far above any area budget, far below overflow in the index chain.</summary>
    public const long MaxLumpsumCents = 1_000_000_000_000;

    /// <summary>The range the API accepts for years.</summary>
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Basis points: 10000 = 1 (100 %).</summary>
    public const int OneBp = 10_000;

    /// <summary>An index outside ±50 % is a typo, not an index.</summary>
    public const int MaxIndexBp = 5_000;

    public static bool IsYear(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>Basis points as the exact decimal fraction the domain formulas take (496 → 0.0496).</summary>
    public static decimal Fraction(int bp) => bp / 10_000m;
}
