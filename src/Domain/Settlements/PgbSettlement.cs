using GonPortal.Domain.Common;
using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Settlements;

/// <summary>The count of active PGB clients of an area at the end of <paramref name="Month"/> (1-12).</summary>
public sealed record MonthlyPgbCount(int Month, int Count);

/// <summary>
/// Inputs of the PGB settlement of one area and year (settlement-rules.md §2).
/// </summary>
/// <param name="BaselineCount">P0(a): clients with a GON-scope PGB at the contract's reference date.</param>
/// <param name="MonthlyCounts">p(a, y, m) for the months entered so far, in any order.</param>
/// <param name="AverageCostCents">C(a, y): average yearly PGB cost per client.</param>
/// <param name="DeadBand">delta(y), a fraction with up to 4 decimals (default 0).</param>
/// <param name="CompensationShare">s(y), a fraction with up to 4 decimals (default 1).</param>
public sealed record PgbSettlementInput(
    int AreaId,
    int Year,
    int BaselineCount,
    IReadOnlyList<MonthlyPgbCount> MonthlyCounts,
    long AverageCostCents,
    decimal DeadBand = 0m,
    decimal CompensationShare = 1m);

/// <summary>
/// The PGB settlement with every figure behind it. Positive: the provider receives money; negative:
/// the lumpsum is reduced.
/// </summary>
/// <param name="MonthlyCounts">The counts used, ordered by month.</param>
/// <param name="MonthsUsed">How many months the average is taken over (12 in a final run).</param>
/// <param name="CountSum">Sum of the monthly counts used.</param>
/// <param name="AverageCount">P = CountSum / MonthsUsed, exact.</param>
/// <param name="Difference">D = P0 - P, exact.</param>
/// <param name="DeadBandWidth">delta * P0, exact.</param>
/// <param name="EffectiveDifference">D' = sign(D) * max(0, |D| - delta * P0), exact.</param>
/// <param name="Unrounded">s * D' * C, exact.</param>
/// <param name="SettlementCents">PGB(a, y) = round(s * D' * C).</param>
public sealed record PgbSettlementResult(
    string RulesVersion,
    PgbSettlementKind Kind,
    int AreaId,
    int Year,
    int BaselineCount,
    IReadOnlyList<MonthlyPgbCount> MonthlyCounts,
    int MonthsUsed,
    long CountSum,
    Rational AverageCount,
    Rational Difference,
    decimal DeadBand,
    Rational DeadBandWidth,
    Rational EffectiveDifference,
    decimal CompensationShare,
    long AverageCostCents,
    Rational Unrounded,
    long SettlementCents)
{
    /// <summary>What a reconciliation takes of this settlement.</summary>
    public PgbSettlementAmount Amount => new(Kind, AreaId, Year, SettlementCents);
}

/// <summary>PGB settlement per area per year (settlement-rules.md §2).</summary>
public static class PgbSettlement
{
    /// <summary>
    /// Computes PGB(a, y). A provisional run averages over the months entered so far; a final run
    /// needs all 12 and otherwise throws <see cref="InvalidStateException"/> naming the missing
    /// months. Any run without a single month throws <see cref="InvalidStateException"/> too.
    /// </summary>
    public static PgbSettlementResult Compute(PgbSettlementInput input, PgbSettlementKind kind)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(input.BaselineCount);
        ArgumentOutOfRangeException.ThrowIfNegative(input.AverageCostCents);
        foreach (var m in input.MonthlyCounts)
        {
            if (m.Month is < 1 or > 12)
            {
                throw new ArgumentOutOfRangeException(nameof(input), m.Month, "A month is 1 to 12.");
            }
            if (m.Count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(input), m.Count, $"The PGB count of month {m.Month} is negative.");
            }
        }
        var duplicate = input.MonthlyCounts.GroupBy(m => m.Month).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Month {duplicate.Key} has more than one PGB count.", nameof(input));
        }
        var delta = SettlementRules.Fraction(input.DeadBand, nameof(input.DeadBand));
        var share = SettlementRules.Fraction(input.CompensationShare, nameof(input.CompensationShare));

        var counts = input.MonthlyCounts.OrderBy(m => m.Month).ToList();
        if (kind == PgbSettlementKind.Final && counts.Count < 12)
        {
            var missing = Enumerable.Range(1, 12).Except(counts.Select(c => c.Month));
            throw new InvalidStateException(
                $"The final PGB settlement of area {input.AreaId}, year {input.Year} needs all 12 monthly counts; missing month(s): {string.Join(", ", missing)}.",
                ErrorReasons.SettlementInputMissing,
                new Dictionary<string, string> { ["input"] = "PGB_MONTHLY_COUNTS", ["area_id"] = $"{input.AreaId}", ["year"] = $"{input.Year}", ["missing_count"] = $"{missing.Count()}" });
        }
        if (counts.Count == 0)
        {
            throw new InvalidStateException(
                $"The PGB settlement of area {input.AreaId}, year {input.Year} needs at least one monthly count.",
                ErrorReasons.SettlementInputMissing,
                new Dictionary<string, string> { ["input"] = "PGB_MONTHLY_COUNTS", ["area_id"] = $"{input.AreaId}", ["year"] = $"{input.Year}" });
        }

        var sum = counts.Sum(c => (long)c.Count);
        var average = new Rational(sum, counts.Count);
        var difference = (Rational)input.BaselineCount - average;
        var width = delta * input.BaselineCount;
        var magnitude = Rational.Max(Rational.Zero, (difference.Sign < 0 ? -difference : difference) - width);
        var effective = difference.Sign < 0 ? -magnitude : magnitude;
        // Multiply before rounding: s * D' * C exact, rounded once.
        var unrounded = share * effective * input.AverageCostCents;

        return new PgbSettlementResult(
            SettlementRules.RulesVersion, kind, input.AreaId, input.Year, input.BaselineCount, counts, counts.Count, sum,
            average, difference, input.DeadBand, width, effective, input.CompensationShare, input.AverageCostCents,
            unrounded, SettlementRules.RoundCents(unrounded));
    }
}
