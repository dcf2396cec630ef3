using System.Numerics;
using GonPortal.Domain.Common;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Budgets;

/// <summary>
/// The known costs of one month of an area: the area's lines of the current statement revisions and the
/// holder's own approved work per unit (dagdeel: a half-day part of day care; etmaal: a 24-hour stay).
/// </summary>
/// <param name="Complete">The month's statements are complete (<see cref="StatementCompleteness"/>): it may carry the projection.</param>
public sealed record BudgetPositionMonth(
    int Month,
    long SubcontractorCostsCents,
    long OwnApprovedMinutes,
    long OwnApprovedDagdelen,
    long OwnApprovedEtmalen,
    bool Complete);

/// <summary>Reference rates of the year (settlement-rules.md §6): r(y), rd(y), re(y); 0 means that unit is not estimated.</summary>
public sealed record ReferenceRates(long HourlyCents, long DagdeelCents, long EtmaalCents);

/// <summary>
/// The figures a budget position is computed from: what is known of an area's year from 1 January to
/// the end of <see cref="Month"/>. The caller gathers them (sums in the database); the arithmetic is here.
/// </summary>
/// <param name="Lumpsum">Ltot and its monthly advances (settlement-rules.md §1).</param>
/// <param name="Months">January up to <paramref name="Month"/>, one entry per month (missing months count as empty and incomplete).</param>
/// <param name="MonthsWithStatements">Months with a succeeded statement run (shown, not computed with).</param>
/// <param name="PgbSettlementCents">Latest PGB settlement of the year (final if any, else provisional); 0 when none.</param>
/// <param name="Holder">
/// The hoofdaanbieder's share when the area changed hands in the year (settlement-rules.md §7, split with
/// <paramref name="PgbSettlementCents"/>): only its held months count, with its own advances, and the
/// projection scales to its n_h months. Null for the year's only holder.
/// </param>
public sealed record BudgetPositionInput(
    int AreaId,
    int Year,
    int Month,
    LumpsumResult Lumpsum,
    IReadOnlyList<BudgetPositionMonth> Months,
    int MonthsWithStatements,
    ReferenceRates Rates,
    long PgbSettlementCents,
    bool PgbSettlementFinal,
    HolderShare? Holder = null)
{
    /// <summary>The first month that counts: the first held month of a holder of part of the year, else January.</summary>
    public int FirstMonth => Holder is { IsWholeYear: false } h ? h.FirstMonth : 1;

    /// <summary>The last month that counts: <see cref="Month"/>, or the last held month when that comes first.</summary>
    public int LastMonth => Holder is { IsWholeYear: false } h ? Math.Min(Month, h.LastMonth) : Month;

    /// <summary>n_h of a holder of part of the year, else 12: the months the projection scales to.</summary>
    public int ProjectionMonths => Holder is { IsWholeYear: false } h ? h.Months : 12;

    /// <summary>Ltot_h + PGB_h of a holder of part of the year, else Ltot + PGB: the revenue the projection is held against.</summary>
    public long RevenueCents => Holder is { IsWholeYear: false } h
        ? checked(h.LumpsumShareCents + h.PgbShareCents)
        : checked(Lumpsum.TotalCents + PgbSettlementCents);
}

/// <summary>Costs of a set of months: subcontractor lines plus own work valued at the reference rates.</summary>
public sealed record MonthSetCosts(
    long SubcontractorCents, long OwnMinutes, long OwnDagdelen, long OwnEtmalen,
    long OwnHourCents, long OwnDagdeelCents, long OwnEtmaalCents)
{
    public long OwnCents => checked(OwnHourCents + OwnDagdeelCents + OwnEtmaalCents);
    public long TotalCents => checked(SubcontractorCents + OwnCents);
}

/// <summary>
/// An area's budget position up to the end of a month. The projection to 31 December rests only on the
/// complete months (<see cref="CompleteMonths"/>) and is null with fewer than
/// <see cref="BudgetPosition.MinimumCompleteMonths"/> of them.
/// </summary>
public sealed record BudgetPositionResult(
    BudgetPositionInput Input,
    long AdvancesToDateCents,
    MonthSetCosts ToDate,
    long BalanceToDateCents,
    IReadOnlyList<int> CompleteMonths,
    long? ProjectedCostsYearEndCents,
    long? ProjectedResultYearEndCents)
{
    public long OwnCostsEstimateCents => ToDate.OwnCents;
    public long CostsToDateCents => ToDate.TotalCents;
}

/// <summary>
/// Budget position (settlement-rules.md §6; budgets.proto BudgetPosition): advances received so far against
/// the costs known so far, and where the year ends at the pace of the months whose statements are complete.
/// An estimate for steering during the year, not a settlement: own costs are valued at the reference rates
/// until the year report gives the real O.
/// </summary>
public static class BudgetPosition
{
    /// <summary>Fewer complete months than this give no projection: too little is known to extrapolate.</summary>
    public const int MinimumCompleteMonths = 3;

    public static BudgetPositionResult Compute(BudgetPositionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input.Month, 12);
        ArgumentOutOfRangeException.ThrowIfNegative(input.Rates.HourlyCents);
        ArgumentOutOfRangeException.ThrowIfNegative(input.Rates.DagdeelCents);
        ArgumentOutOfRangeException.ThrowIfNegative(input.Rates.EtmaalCents);
        if (input.Month < input.FirstMonth)
        {
            throw new InvalidStateException(
                $"Area {input.AreaId} passes to this hoofdaanbieder in month {input.FirstMonth} of {input.Year}; there is no position before that month.",
                ErrorReasons.HoldingNotStarted,
                new Dictionary<string, string> { ["area_id"] = $"{input.AreaId}", ["year"] = $"{input.Year}", ["first_month"] = $"{input.FirstMonth}" });
        }
        if (input.Months.Any(m => m.Month < input.FirstMonth || m.Month > input.LastMonth) || input.Months.DistinctBy(m => m.Month).Count() != input.Months.Count)
        {
            throw new ArgumentException("Months must be distinct and lie in the held months up to the month.", nameof(input));
        }

        // A holder of part of the year: its own advances of its held months (§7); else §1's twelfths.
        var advances = input.Holder is { IsWholeYear: false } holder
            ? Enumerable.Range(input.FirstMonth, input.LastMonth - input.FirstMonth + 1).Sum(holder.AdvanceOf)
            : input.Lumpsum.MonthlyAdvances.Take(input.Month).Sum();
        var toDate = Costs(input.Months, input.Rates);
        var complete = input.Months.Where(m => m.Complete).OrderBy(m => m.Month).ToList();
        long? projected = null, result = null;
        if (complete.Count >= MinimumCompleteMonths)
        {
            // Multiply before dividing: costs(K) * 12 / |K| (n_h / |K| for a holder of part of the year) exact, rounded once.
            projected = SettlementRules.RoundCents(new Rational((BigInteger)Costs(complete, input.Rates).TotalCents * input.ProjectionMonths, complete.Count));
            result = checked(input.RevenueCents - projected.Value);
        }
        return new BudgetPositionResult(input, advances, toDate, checked(advances - toDate.TotalCents),
            complete.Select(m => m.Month).ToList(), projected, result);
    }

    /// <summary>Costs of a set of months: own minutes are summed over the set first, then valued and rounded once.</summary>
    public static MonthSetCosts Costs(IEnumerable<BudgetPositionMonth> months, ReferenceRates rates)
    {
        long sub = 0, minutes = 0, dagdelen = 0, etmalen = 0;
        foreach (var m in months)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(m.OwnApprovedMinutes);
            ArgumentOutOfRangeException.ThrowIfNegative(m.OwnApprovedDagdelen);
            ArgumentOutOfRangeException.ThrowIfNegative(m.OwnApprovedEtmalen);
            sub = checked(sub + m.SubcontractorCostsCents);
            minutes = checked(minutes + m.OwnApprovedMinutes);
            dagdelen = checked(dagdelen + m.OwnApprovedDagdelen);
            etmalen = checked(etmalen + m.OwnApprovedEtmalen);
        }
        var hourCents = SettlementRules.RoundCents(new Rational((BigInteger)minutes * rates.HourlyCents, 60));
        return new MonthSetCosts(sub, minutes, dagdelen, etmalen, hourCents,
            checked(dagdelen * rates.DagdeelCents), checked(etmalen * rates.EtmaalCents));
    }
}
