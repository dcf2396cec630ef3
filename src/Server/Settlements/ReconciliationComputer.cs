using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Budgets;
using GonPortal.Server.Data;
using GonPortal.Server.Grpc;
using GonPortal.Server.Tenancy;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using V1 = GonPortal.Contracts.V1;
using DomainPgbKind = GonPortal.Domain.Settlements.SettlementRunKind;
using ReportingFrequency = GonPortal.Domain.Reporting.VolumeFrequency;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Yearly reconciliation of the hoofdaanbieder, area and year (settlement-rules.md §4) with
/// <see cref="Reconciliation.Compute"/>. Large years stay flat in memory: S is summed from the
/// current statement revisions' line rows in the database, delivered minutes are summed per
/// arrangement with GROUP BY in the database (no hour entry is loaded), and only the area's
/// arrangements of the year are loaded, for their allocation per version (as ReportingQuery does).
/// Reads past the tenant filter: the job runs in system mode.
/// </summary>
internal sealed class ReconciliationComputer(
    GonDbContext db, LumpsumLoader lumpsums, YearParametersStore parameters, ISettlementRunFaults faults)
{
    public async Task<List<ComputedResult>> ComputeAsync(SettlementRun run, ReportProgress progress, CancellationToken ct)
    {
        int area = run.AreaId, year = run.Year;
        const int stages = 5;
        await progress("loading lumpsum, PGB settlement and year report", 0, stages);
        await faults.BeforeItemAsync(run.Id, 0, ct);
        var p = await parameters.InForceAsync(year, ct);
        if (p.ReferenceHourlyRateCents <= 0)
        {
            throw new InvalidStateException($"RECONCILIATION of {year} needs a reference hourly rate in the year parameters; none is set.");
        }
        // Checked before the loader, which answers NOT_FOUND for a missing contract (right for GetAreaBudget, not for a run).
        var contract = await AreaContractLookup.CoveringAsync(db, area, year, ct)
            ?? throw new InvalidStateException($"Area {area} has no area contract in {year}.");
        var lumpsum = await lumpsums.LoadAsync(area, year, ct);
        var results = db.SettlementResults.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking();
        var pgbRow = await results.OfIdentity(SettlementKind.PgbFinal, area, year, 0, Guid.Empty)
            .OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct)
            ?? throw new InvalidStateException($"RECONCILIATION of area {area}, {year} needs a succeeded PGB_FINAL run of that area and year.");
        var pgbDoc = V1.PgbSettlement.Parser.ParseJson(pgbRow.Document);
        var report = await db.YearReports.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
            .SingleOrDefaultAsync(r => r.AreaId == area && r.Year == year, ct)
            ?? throw new InvalidStateException($"RECONCILIATION of area {area}, {year} needs the hoofdaanbieder's year report; none was submitted.");

        await progress("summing subcontractor statements of the area", 1, stages);
        await faults.BeforeItemAsync(run.Id, 1, ct);
        var statements = await StatementsAsync(area, year, ct);

        await progress("loading the area's hour arrangements", 2, stages);
        await faults.BeforeItemAsync(run.Id, 2, ct);
        var arrangements = await db.Arrangements.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
            .Where(a => a.AreaId == area && (a.State == ArrangementState.Active || a.State == ArrangementState.Ended)
                && a.StartDate != null && a.StartDate <= new DateOnly(year, 12, 31) && (a.EndDate == null || a.EndDate >= new DateOnly(year, 1, 1)))
            .OrderBy(a => a.Id)
            .ToListAsync(ct);

        await progress("summing delivered minutes per arrangement", 3, stages);
        await faults.BeforeItemAsync(run.Id, 3, ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var delivered = await db.HourEntries.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
            .Where(e => e.AreaId == area && e.Status == HourEntryStatus.Approved && e.Unit == Unit.Hour && e.ServiceDate >= from && e.ServiceDate <= to)
            .GroupBy(e => e.ArrangementId)
            .Select(g => new { ArrangementId = g.Key, Minutes = g.Sum(e => (long)e.Quantity) })
            .ToDictionaryAsync(x => x.ArrangementId, x => x.Minutes, ct);

        await progress("computing the reconciliation", 4, stages);
        var period = Periods.Year(year);
        var hourArrangements = arrangements.Where(a => a.Unit == Unit.Hour && a.Versions.Count > 0).ToList();
        var deliveries = hourArrangements.Select(a => new HourArrangementDelivery(
            a.Id, AllocatedVolume.InPeriod(Facts(a), period), delivered.GetValueOrDefault(a.Id))).ToList();
        var yearEnd = new DateOnly(year, 12, 31);
        var shareFacts = arrangements.Where(a => a.SupportType != null).SelectMany(a => a.OrderedVersions.Select((v, i) => new ShareArrangementFacts(
            a.ClientId, a.AreaId, a.SupportType == SupportType.Basis, v.ViaInitiative,
            i == 0 ? a.StartDate!.Value : Later(v.EffectiveFrom, a.StartDate!.Value), a.EffectiveTo(v))));
        var shares = AreaShares.Compute(shareFacts, area, yearEnd, p.BasisShareTargetBp, p.InitiativeShareTargetBp);

        var pgb = new PgbSettlementResult(pgbDoc.RulesVersion, DomainPgbKind.Final, area, year, pgbDoc.BaselineClientCount, [],
            pgbDoc.MonthsUsed, pgbDoc.MonthlyCountSum, SettlementProto.ToRational(pgbDoc.AverageClientCount),
            SettlementProto.ToRational(pgbDoc.Difference), BudgetLimits.Fraction(pgbDoc.PgbDeadBandBp),
            SettlementProto.ToRational(pgbDoc.DeadBandClients), SettlementProto.ToRational(pgbDoc.DifferenceAfterDeadBand),
            BudgetLimits.Fraction(pgbDoc.PgbCompensationShareBp), pgbDoc.AverageCostCents, pgbDoc.PgbAmountCents, pgbDoc.PgbAmountCents);
        // S was summed per statement in the database; each statement enters as one line of this area.
        var statementResults = statements.Select(s => new SubcontractorStatementResult(SettlementRules.RulesVersion, s.SubcontractId, year, s.Month,
            [new StatementLine(area, Product.Begeleiding, Unit.Hour, 0, 0, 0, Rational.Zero, s.AmountCents)], s.AmountCents)).ToList();
        var result = Reconciliation.Compute(new ReconciliationInput(
            contract.HoofdaanbiederId, area, year, lumpsum.Result, pgb, statementResults, report.OwnDeliveryCostsCents,
            p.ReferenceHourlyRateCents, deliveries, shares.BasisShare, shares.InitiativeShare,
            BudgetLimits.Fraction(p.ProfitCapBp), BudgetLimits.Fraction(p.SanctionBp)));

        var document = Document(result, p, lumpsum, pgbRow, statements, report, yearEnd, deliveries);
        var byId = hourArrangements.ToDictionary(a => a.Id);
        var lines = result.ShortageLines.Select(l => new SettlementShortageLine
        {
            TenantId = contract.HoofdaanbiederId,
            ArrangementId = l.ArrangementId,
            ClientId = byId[l.ArrangementId].ClientId,
            Product = byId[l.ArrangementId].Product!.Value,
            AllocatedHours = SettlementProto.ToText(l.AllocatedHours),
            DeliveredMinutes = delivered.GetValueOrDefault(l.ArrangementId),
            UnmetHours = SettlementProto.ToText(l.ShortfallHours),
            UnmetHoursValue = (double)l.ShortfallHours.Round(6),
        }).ToList();
        return [new ComputedResult(SettlementKind.Reconciliation, area, year, 0, Guid.Empty, contract.HoofdaanbiederId, null,
            result.PayBackCents, document, [], lines)];
    }

    /// <summary>S per statement: the area's lines of the current statement revisions of the year, summed in the database.</summary>
    private async Task<List<StatementSum>> StatementsAsync(int area, int year, CancellationToken ct)
    {
        var all = db.SettlementResults.IgnoreQueryFilters([TenantFilter.Name]);
        var current = all.Where(r => r.Kind == SettlementKind.SubcontractorStatements && r.Year == year).Current(all);
        var sums = await db.SettlementStatementLines.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
            .Where(l => l.Year == year && l.AreaId == area)
            .Join(current, l => l.SettlementResultId, r => r.Id, (l, r) => new { r.Id, r.SubcontractId, r.Month, r.Revision, l.AmountCents })
            .GroupBy(x => new { x.Id, x.SubcontractId, x.Month, x.Revision })
            .Select(g => new StatementSum(g.Key.Id, g.Key.SubcontractId, g.Key.Month, g.Key.Revision, g.Sum(x => x.AmountCents)))
            .ToListAsync(ct);
        return sums.OrderBy(s => s.Month).ThenBy(s => s.SubcontractId).ToList();
    }

    private static IMessage Document(ReconciliationResult r, YearParameters p, AreaLumpsum lumpsum, SettlementResult pgbRow,
        List<StatementSum> statements, YearReport report, DateOnly yearEnd, List<HourArrangementDelivery> deliveries)
    {
        var lumpsumProto = new V1.LumpsumCalculation
        {
            AreaId = r.AreaId,
            Year = r.Year,
            AreaContractId = lumpsum.Contract.Id.ToString(),
            BaseYear = r.Lumpsum.BaseYear,
            BaseLumpsumCents = r.Lumpsum.BaseLumpsumCents,
            LumpsumCents = r.Lumpsum.LumpsumCents,
            AdjustmentsTotalCents = r.Lumpsum.AdjustmentsTotalCents,
            TotalLumpsumCents = r.Lumpsum.TotalCents,
        };
        lumpsumProto.Chain.AddRange(r.Lumpsum.Chain.Select(step => new V1.IndexedLumpsum
        {
            Year = step.Year,
            IndexBp = (int)(step.Index * 10_000m),
            IndexKind = step.IndexIsDefinitive ? V1.IndexKind.Definitive : V1.IndexKind.Prognosis,
            LumpsumCents = step.LumpsumCents,
        }));
        lumpsumProto.AdjustmentIds.AddRange(lumpsum.Adjustments.Select(a => a.Id.ToString()));
        var basis = r.Targets.Single(t => t.Target == SettlementTarget.BasisShare);
        var initiative = r.Targets.Single(t => t.Target == SettlementTarget.InitiativeShare);
        var doc = new V1.Reconciliation
        {
            AreaId = r.AreaId,
            Year = r.Year,
            HoofdaanbiederId = r.HoofdaanbiederId.ToString(),
            RulesVersion = r.RulesVersion,
            Parameters = Budgets.BudgetMapping.ToProto(p),
            Lumpsum = lumpsumProto,
            TotalLumpsumCents = r.LumpsumTotalCents,
            PgbSettlementId = pgbRow.Id.ToString(),
            PgbSettlementRevision = pgbRow.Revision,
            PgbAmountCents = r.PgbCents,
            RevenueCents = r.RevenueCents,
            SubcontractorCostsCents = r.SubcontractorCostsCents,
            OwnDeliveryCostsCents = r.OwnCostsCents,
            YearReportLocked = report.IsLocked,
            YearReportSubmittedAt = ProtoConvert.ToProto(report.SubmittedAt),
            CostsCents = r.CostsCents,
            ResultCents = r.ResultCents,
            ProfitCapBp = p.ProfitCapBp,
            ProfitCapCents = r.ProfitCapCents,
            HourArrangementCount = r.ShortageLines.Count,
            AllocatedHours = SettlementProto.ToProto(Rational.Sum(r.ShortageLines.Select(l => l.AllocatedHours))),
            DeliveredHours = SettlementProto.ToProto(new Rational(deliveries.Sum(d => d.DeliveredMinutes), 60)),
            UnmetHours = SettlementProto.ToProto(r.UnmetHours),
            ReferenceHourlyRateCents = r.ReferenceRateCentsPerHour,
            StaffShortageCents = r.ShortageCents,
            StaffShortageReclaimCents = r.ReclaimedShortageCents,
            ExcessProfitCents = r.ExcessProfitCents,
            TargetDate = ProtoConvert.ToProto(yearEnd),
            BasisShare = SettlementProto.ToProto(basis.Assessment),
            InitiativeShare = SettlementProto.ToProto(initiative.Assessment),
            SanctionBp = p.SanctionBp,
            BasisShareSanctionCents = basis.SanctionCents,
            InitiativeShareSanctionCents = initiative.SanctionCents,
            SanctionsCents = r.SanctionsCents,
            RepaymentCents = r.PayBackCents,
        };
        doc.StatementsUsed.AddRange(statements.Select(s => new V1.StatementUse
        {
            SubcontractorStatementId = s.ResultId.ToString(),
            SubcontractId = s.SubcontractId.ToString(),
            Month = s.Month,
            Revision = s.Revision,
            AreaAmountCents = s.AmountCents,
        }));
        return doc;
    }

    private static AllocationFacts Facts(Arrangement a) => new(a.StartDate!.Value, a.EndDate,
        a.OrderedVersions.Select(v => new VolumeVersion(v.EffectiveFrom, v.Volume, (ReportingFrequency)(int)v.Frequency)).ToList());

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed record StatementSum(Guid ResultId, Guid SubcontractId, int Month, int Revision, long AmountCents);
}
