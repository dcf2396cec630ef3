using GonPortal.Domain.Common;
using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Settlements;

/// <summary>
/// The index of one year (settlement-rules.md §1): the definitive index when entered, else the
/// prognosis. Fractions with up to 4 decimals, e.g. 0.0496 = 4.96 %.
/// </summary>
public sealed record YearIndex(int Year, decimal? Prognosis, decimal? Definitive)
{
    /// <summary>The index in force: definitive when entered, else the prognosis, else null.</summary>
    public decimal? Applied => Definitive ?? Prognosis;

    /// <summary>True when the definitive index is the one in force.</summary>
    public bool IsDefinitive => Definitive is not null;
}

/// <summary>A signed ventiel adjustment V(a, y) in cents, with its reason; it counts for its own year only.</summary>
public sealed record VentielAdjustment(int Year, long AmountCents, string Reason);

/// <summary>Inputs of the lumpsum of one area: base lumpsum B(a) of base year y0, the indices and the ventiel adjustments.</summary>
public sealed record LumpsumInput(
    int AreaId,
    int BaseYear,
    long BaseLumpsumCents,
    IReadOnlyList<YearIndex> Indices,
    IReadOnlyList<VentielAdjustment> Adjustments);

/// <summary>
/// One link of the index chain: L(y) = round(L(y-1) * (1 + i(y))).
/// </summary>
/// <param name="PreviousLumpsumCents">L(y-1).</param>
/// <param name="Index">i(y) as entered.</param>
/// <param name="IndexIsDefinitive">True when i(y) is the definitive index, false for the prognosis.</param>
/// <param name="Unrounded">L(y-1) * (1 + i(y)), exact.</param>
/// <param name="LumpsumCents">L(y), rounded half away from zero.</param>
public sealed record LumpsumChainStep(
    int Year, long PreviousLumpsumCents, decimal Index, bool IndexIsDefinitive, Rational Unrounded, long LumpsumCents);

/// <summary>
/// The lumpsum of one area and year with every figure behind it: the chain from the base year, the
/// ventiel adjustments of the year, Ltot and the monthly advances.
/// </summary>
/// <param name="Chain">One step per year after the base year up to <see cref="Year"/>; empty for the base year.</param>
/// <param name="LumpsumCents">L(a, y).</param>
/// <param name="Adjustments">The ventiel adjustments of this year only.</param>
/// <param name="AdjustmentsTotalCents">sum V(a, y).</param>
/// <param name="TotalCents">Ltot(a, y) = L + sum V.</param>
/// <param name="MonthlyAdvanceCents">floor(Ltot / 12), paid January to November.</param>
/// <param name="DecemberAdvanceCents">Ltot - 11 * floor(Ltot / 12).</param>
public sealed record LumpsumResult(
    string RulesVersion,
    int AreaId,
    int Year,
    int BaseYear,
    long BaseLumpsumCents,
    IReadOnlyList<LumpsumChainStep> Chain,
    long LumpsumCents,
    IReadOnlyList<VentielAdjustment> Adjustments,
    long AdjustmentsTotalCents,
    long TotalCents,
    long MonthlyAdvanceCents,
    long DecemberAdvanceCents)
{
    /// <summary>The twelve advances, January first; they add up to <see cref="TotalCents"/>.</summary>
    public IReadOnlyList<long> MonthlyAdvances =>
        [.. Enumerable.Repeat(MonthlyAdvanceCents, 11), DecemberAdvanceCents];
}

/// <summary>Lumpsum per area per year (settlement-rules.md §1).</summary>
public static class Lumpsum
{
    /// <summary>
    /// Computes L(a, y), Ltot(a, y) and the monthly advances of <paramref name="year"/>. Throws
    /// <see cref="InvalidStateException"/> naming the first year of the chain without any index.
    /// </summary>
    public static LumpsumResult Compute(LumpsumInput input, int year)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (year < input.BaseYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The lumpsum starts in base year {input.BaseYear}.");
        }
        var duplicate = input.Indices.GroupBy(i => i.Year).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Year {duplicate.Key} has more than one index entry.", nameof(input));
        }

        var chain = new List<LumpsumChainStep>();
        var lumpsum = input.BaseLumpsumCents;
        for (var y = input.BaseYear + 1; y <= year; y++)
        {
            var entry = input.Indices.FirstOrDefault(i => i.Year == y);
            if (entry?.Applied is not { } index)
            {
                throw new InvalidStateException($"The lumpsum of year {year} cannot be computed: year {y} has no index (neither definitive nor prognosis).",
                    ErrorReasons.SettlementInputMissing, new Dictionary<string, string> { ["input"] = "INDEX_RATE", ["year"] = $"{y}" });
            }
            var unrounded = (Rational)lumpsum * (Rational.One + SettlementRules.Fraction(index, nameof(input)));
            var next = SettlementRules.RoundCents(unrounded);
            chain.Add(new LumpsumChainStep(y, lumpsum, index, entry.IsDefinitive, unrounded, next));
            lumpsum = next;
        }

        var adjustments = input.Adjustments.Where(v => v.Year == year).ToList();
        var adjustmentsTotal = adjustments.Sum(v => v.AmountCents);
        var total = checked(lumpsum + adjustmentsTotal);
        var monthly = SettlementRules.FloorDiv(total, 12);
        var december = checked(total - 11 * monthly);

        return new LumpsumResult(
            SettlementRules.RulesVersion, input.AreaId, year, input.BaseYear, input.BaseLumpsumCents,
            chain, lumpsum, adjustments, adjustmentsTotal, total, monthly, december);
    }
}
