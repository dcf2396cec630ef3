using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Budgets;

/// <summary>
/// The figures a budget position is computed from: what is known of an area's year from 1 January to
/// the end of <see cref="Month"/>. The caller gathers them (sums in the database); the arithmetic is here.
/// </summary>
/// <param name="Lumpsum">Ltot and its monthly advances (settlement-rules.md §1).</param>
/// <param name="SubcontractorCostsCents">The area's lines of the current statement revisions of January up to the month.</param>
/// <param name="OwnApprovedMinutes">Approved hour-unit minutes of the hoofdaanbieder's own staff, January up to the month.</param>
/// <param name="ReferenceHourlyRateCents">r(y); 0 when not set (the own-cost estimate is then 0).</param>
/// <param name="PgbSettlementCents">Latest PGB settlement of the year (final if any, else provisional); 0 when none.</param>
public sealed record BudgetPositionInput(
    int AreaId,
    int Year,
    int Month,
    LumpsumResult Lumpsum,
    long SubcontractorCostsCents,
    int MonthsWithStatements,
    long OwnApprovedMinutes,
    long ReferenceHourlyRateCents,
    long PgbSettlementCents,
    bool PgbSettlementFinal);

/// <summary>An area's budget position up to the end of a month, with a linear projection to 31 December.</summary>
public sealed record BudgetPositionResult(
    BudgetPositionInput Input,
    long AdvancesToDateCents,
    long OwnCostsEstimateCents,
    long CostsToDateCents,
    long BalanceToDateCents,
    long ProjectedCostsYearEndCents,
    long ProjectedResultYearEndCents);

/// <summary>
/// Budget position (budgets.proto BudgetPosition): advances received so far against the costs known
/// so far, and where the year ends at the current pace. An estimate for steering during the year, not a
/// settlement: own costs are valued at the reference rate until the year report gives the real O.
/// </summary>
public static class BudgetPosition
{
    public static BudgetPositionResult Compute(BudgetPositionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input.Month, 12);
        ArgumentOutOfRangeException.ThrowIfNegative(input.OwnApprovedMinutes);
        ArgumentOutOfRangeException.ThrowIfNegative(input.ReferenceHourlyRateCents);

        var advances = input.Lumpsum.MonthlyAdvances.Take(input.Month).Sum();
        // Multiply before dividing: minutes * rate / 60 exact, rounded once.
        var ownEstimate = SettlementRules.RoundCents(new Rational((System.Numerics.BigInteger)input.OwnApprovedMinutes * input.ReferenceHourlyRateCents, 60));
        var costs = checked(input.SubcontractorCostsCents + ownEstimate);
        var projected = SettlementRules.RoundCents(new Rational((System.Numerics.BigInteger)costs * 12, input.Month));
        return new BudgetPositionResult(
            input, advances, ownEstimate, costs, checked(advances - costs), projected,
            checked(input.Lumpsum.TotalCents + input.PgbSettlementCents - projected));
    }
}
