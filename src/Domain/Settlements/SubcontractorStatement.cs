using GonPortal.Domain.Reference;
using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Settlements;

/// <summary>
/// One approved entry of a subcontractor in the month, with the subcontract rate in force on its
/// service date (the caller resolves it). Only entries approved by the hoofdaanbieder are passed in.
/// </summary>
/// <param name="AreaId">The area of the client.</param>
/// <param name="RateCents">Rate per unit in cents: per hour for <see cref="Unit.Hour"/>, else per dagdeel / etmaal.</param>
/// <param name="Quantity">Minutes for <see cref="Unit.Hour"/>, else the count; signed, so a reversal subtracts.</param>
public sealed record StatementEntry(int AreaId, Product Product, Unit Unit, long RateCents, long Quantity);

/// <summary>
/// One statement line: a group of entries with the same area, product, unit and rate.
/// </summary>
/// <param name="Quantity">Summed minutes (hour) or count (dagdeel / etmaal) of the group.</param>
/// <param name="EntryCount">How many entries the line groups.</param>
/// <param name="Unrounded">Hour: rate * minutes / 60; else rate * count; exact.</param>
/// <param name="AmountCents">Hour: round(rate * minutes / 60), rounded once per line; else rate * count.</param>
public sealed record StatementLine(
    int AreaId, Product Product, Unit Unit, long RateCents, long Quantity, int EntryCount, Rational Unrounded, long AmountCents);

/// <summary>
/// What the hoofdaanbieder owes a subcontractor for one month; the gemeente never pays it.
/// </summary>
/// <param name="Lines">Ordered by area, product, unit and rate.</param>
/// <param name="TotalCents">Sum of the line amounts.</param>
public sealed record SubcontractorStatementResult(
    string RulesVersion, Guid SubcontractId, int Year, int Month, IReadOnlyList<StatementLine> Lines, long TotalCents);

/// <summary>Subcontractor statement per subcontract per month (settlement-rules.md §3).</summary>
public static class SubcontractorStatement
{
    /// <summary>Groups the approved entries of the month into lines and totals them.</summary>
    public static SubcontractorStatementResult Compute(Guid subcontractId, int year, int month, IEnumerable<StatementEntry> approvedEntries)
    {
        ArgumentNullException.ThrowIfNull(approvedEntries);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);

        var lines = approvedEntries
            .Select(e => e.RateCents < 0
                ? throw new ArgumentOutOfRangeException(nameof(approvedEntries), e.RateCents, "A rate cannot be negative.")
                : e)
            .GroupBy(e => (e.AreaId, e.Product, e.Unit, e.RateCents))
            .OrderBy(g => g.Key.AreaId).ThenBy(g => g.Key.Product).ThenBy(g => g.Key.Unit).ThenBy(g => g.Key.RateCents)
            .Select(g =>
            {
                var quantity = g.Sum(e => e.Quantity);
                // Multiply before dividing: rate * minutes / 60 exact, rounded once per line.
                var unrounded = g.Key.Unit == Unit.Hour
                    ? new Rational((System.Numerics.BigInteger)g.Key.RateCents * quantity, 60)
                    : (Rational)g.Key.RateCents * quantity;
                return new StatementLine(
                    g.Key.AreaId, g.Key.Product, g.Key.Unit, g.Key.RateCents, quantity, g.Count(), unrounded,
                    SettlementRules.RoundCents(unrounded));
            })
            .ToList();

        return new SubcontractorStatementResult(
            SettlementRules.RulesVersion, subcontractId, year, month, lines, lines.Sum(l => l.AmountCents));
    }
}
