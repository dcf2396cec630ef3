using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using ReportingFrequency = GonPortal.Domain.Reporting.VolumeFrequency;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Yearly reconciliation of the hoofdaanbieder, area and year (settlement-rules.md §4) with
/// <see cref="Reconciliation.Compute"/>, from the single-row inputs <see cref="SettlementInputLoader"/>
/// loaded. Large years stay flat in memory: S is summed per statement from the current statement
/// revisions' line rows of the area in the database (the area is filtered there, once), delivered
/// minutes are summed per arrangement with GROUP BY in the database (no hour entry is loaded), and
/// only the area's arrangements of the year are loaded, for their allocation per version (as
/// ReportingQuery does). Reads every tenant's rows through <see cref="SystemReads"/>: the job runs in system mode.
/// </summary>
internal sealed class ReconciliationComputer(SystemReads reads, ISettlementRunFaults faults)
{
    public async Task<List<ComputedResult>> ComputeAsync(SettlementRun run, ReconciliationRunInputs inputs, ReportProgress progress, CancellationToken ct)
    {
        const int stages = 5;
        await progress("loading lumpsum, PGB settlement and year report", 0, stages);
        await faults.BeforeItemAsync(run.Id, 0, ct);
        var results = new List<ComputedResult>(inputs.Holders.Count);
        foreach (var holder in inputs.Holders)
        {
            results.Add(await ComputeHolderAsync(run, inputs, holder, progress, ct));
        }
        return results;
    }

    /// <summary>
    /// One holder's reconciliation. The only holder of the year: every statement, arrangement and hour of
    /// the area in the year. A holder of part of the year (settlement-rules.md §7): its own statements,
    /// its own arrangements with their allocation clipped to its holding period, the minutes delivered
    /// in that period, and the targets on its last day.
    /// </summary>
    private async Task<ComputedResult> ComputeHolderAsync(SettlementRun run, ReconciliationRunInputs inputs, HolderReconciliationInputs holder,
        ReportProgress progress, CancellationToken ct)
    {
        int area = run.AreaId, year = run.Year;
        var (lumpsum, p) = (inputs.Lumpsum, inputs.Parameters);
        const int stages = 5;
        var share = holder.Share;
        var owner = holder.Period.HoofdaanbiederId;
        Guid? only = share is null ? null : owner;

        await progress("summing subcontractor statements of the area", 1, stages);
        await faults.BeforeItemAsync(run.Id, 1, ct);
        var statements = await StatementsAsync(area, year, only, ct);

        await progress("loading the area's hour arrangements", 2, stages);
        await faults.BeforeItemAsync(run.Id, 2, ct);
        var from = share?.From ?? new DateOnly(year, 1, 1);
        var to = share?.To ?? new DateOnly(year, 12, 31);
        var arrangementRows = reads.Set<Arrangement>().AsNoTracking()
            .Where(a => a.AreaId == area && (a.State == ArrangementState.Active || a.State == ArrangementState.Ended)
                && a.StartDate != null && a.StartDate <= to && (a.EndDate == null || a.EndDate >= from));
        if (only is { } o)
        {
            arrangementRows = arrangementRows.Where(a => a.TenantId == o);
        }
        var arrangements = await arrangementRows.OrderBy(a => a.Id).ToListAsync(ct);

        await progress("summing delivered minutes per arrangement", 3, stages);
        await faults.BeforeItemAsync(run.Id, 3, ct);
        var entries = reads.Set<HourEntry>().AsNoTracking()
            .Where(e => e.AreaId == area && e.Status == HourEntryStatus.Approved && e.Unit == Unit.Hour && e.ServiceDate >= from && e.ServiceDate <= to);
        if (only is { } t)
        {
            entries = entries.Where(e => e.TenantId == t);
        }
        var delivered = await entries
            .GroupBy(e => e.ArrangementId)
            .Select(g => new { ArrangementId = g.Key, Minutes = g.Sum(e => (long)e.Quantity) })
            .ToDictionaryAsync(x => x.ArrangementId, x => x.Minutes, ct);

        await progress("computing the reconciliation", 4, stages);
        // The holding period (the year for the only holder): a total volume is spread over its whole span, so this clips it pro rata by days.
        var period = new DateRange(from, to);
        var hourArrangements = arrangements.Where(a => a.Unit == Unit.Hour && a.Versions.Count > 0).ToList();
        var deliveries = hourArrangements.Select(a => new HourArrangementDelivery(
            a.Id, AllocatedVolume.InPeriod(Facts(a), period), delivered.GetValueOrDefault(a.Id))).ToList();
        var shareFacts = arrangements.Where(a => a.SupportType != null).SelectMany(a => a.OrderedVersions.Select((v, i) => new ShareArrangementFacts(
            a.ClientId, a.AreaId, a.SupportType == SupportType.Basis, v.ViaInitiative,
            i == 0 ? a.StartDate!.Value : Later(v.EffectiveFrom, a.StartDate!.Value), a.EffectiveTo(v))));
        // Targets on the last day held: 31 December, or the day before the handover for the old holder.
        var shares = AreaShares.Compute(shareFacts, area, to, p.BasisShareTargetBp, p.InitiativeShareTargetBp);

        var result = Reconciliation.Compute(new ReconciliationInput(
            owner, area, year, lumpsum.Result,
            new PgbSettlementAmount(PgbSettlementKind.Final, area, year, inputs.Pgb.AmountCents),
            statements.Select(s => new SubcontractorCost(s.SubcontractId, s.Month, s.AreaAmountCents)).ToList(),
            holder.Report.OwnDeliveryCostsCents, p.ReferenceHourlyRateCents, deliveries, shares.BasisShare, shares.InitiativeShare,
            BudgetLimits.Fraction(p.ProfitCapBp), BudgetLimits.Fraction(p.SanctionBp), share));

        var explanation = new ReconciliationExplanation(result, ParametersUsed.Of(p), lumpsum.Contract.Id,
            lumpsum.Adjustments.Select(a => a.Id).ToList(), inputs.Pgb.ResultId, inputs.Pgb.Revision, statements,
            holder.Report.IsLocked, holder.Report.SubmittedAt.ToUniversalTime(), to);
        var byId = hourArrangements.ToDictionary(a => a.Id);
        var lines = result.ShortageLines.Select(l => new SettlementShortageLine
        {
            TenantId = owner,
            ArrangementId = l.ArrangementId,
            ClientId = byId[l.ArrangementId].ClientId,
            Product = byId[l.ArrangementId].Product!.Value,
            AllocatedHours = RationalText.Format(l.AllocatedHours),
            DeliveredMinutes = delivered.GetValueOrDefault(l.ArrangementId),
            UnmetHours = RationalText.Format(l.ShortfallHours),
            UnmetHoursValue = (double)l.ShortfallHours.Round(6),
        }).ToList();
        // A holder of part of the year is its own result identity, keyed by its id (SettlementResult.SubcontractId).
        return new ComputedResult(SettlementKind.Reconciliation, area, year, 0, only ?? Guid.Empty, owner, null,
            result.PayBackCents, explanation, [], lines);
    }

    /// <summary>
    /// S per statement: the area's lines of the current statement revisions of the year, summed in the
    /// database; with <paramref name="payer"/> only the statements that hoofdaanbieder owes (its own subcontracts).
    /// </summary>
    private async Task<List<StatementUsed>> StatementsAsync(int area, int year, Guid? payer, CancellationToken ct)
    {
        var all = reads.Set<SettlementResult>();
        var current = all.Where(r => r.Kind == SettlementKind.SubcontractorStatements && r.Year == year).Current(all);
        if (payer is { } h)
        {
            current = current.Where(r => r.TenantId == h);
        }
        var sums = await reads.Set<SettlementStatementLine>().AsNoTracking()
            .Where(l => l.Year == year && l.AreaId == area)
            .Join(current, l => l.SettlementResultId, r => r.Id, (l, r) => new { r.Id, r.SubcontractId, r.Month, r.Revision, l.AmountCents })
            .GroupBy(x => new { x.Id, x.SubcontractId, x.Month, x.Revision })
            .Select(g => new StatementUsed(g.Key.Id, g.Key.SubcontractId, g.Key.Month, g.Key.Revision, g.Sum(x => x.AmountCents)))
            .ToListAsync(ct);
        return sums.OrderBy(s => s.Month).ThenBy(s => s.SubcontractId).ToList();
    }

    private static AllocationFacts Facts(Arrangement a) => new(a.StartDate!.Value, a.EndDate,
        a.OrderedVersions.Select(v => new VolumeVersion(v.EffectiveFrom, v.Volume, (ReportingFrequency)(int)v.Frequency)).ToList());

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
