using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    /// <summary>Every area of one year for the gemeente (an audited read across the hoofdaanbieders).</summary>
    public Task<ServerResult<YearOverviewView>> GetYearOverviewAsync(int year, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(YearOverviewService.YearOverviewServiceClient.GetYearOverview), async options =>
        {
            // Many areas and holders, each with its position: more than an ordinary call's time on a busy machine.
            var response = await yearOverview.GetYearOverviewAsync(new GetYearOverviewRequest { Year = year },
                Options(cancellationToken, TimeSpan.FromSeconds(60)));
            return new YearOverviewView(response.Year, ToDateTime(response.ComputedAt), response.Areas.Select(ToView).ToList());
        }, cancellationToken);

    private static AreaYearView ToView(AreaYearOverview a) => new(
        a.AreaId,
        a.AreaName,
        a.LumpsumState,
        a.AreaBudget?.Calculation is { } c ? ToView(c) : null,
        a.EndedMonths,
        a.AdvancesPaidCents,
        a.AdvancesPlannedCents,
        a.PgbSettlement is { } p ? new YearPgbView(p.Kind, p.Revision, p.PgbAmountCents) : null,
        a.StatementsTotalCents,
        a.StatementCount,
        a.Holders.Select(ToView).ToList());

    private static HolderYearView ToView(HolderYearOverview h) => new(
        h.HoofdaanbiederName,
        ToDateOnly(h.Share?.HeldFrom),
        ToDateOnly(h.Share?.HeldTo),
        h.Share?.DaysHeld ?? 0,
        h.Share?.LumpsumShareCents,
        h.PgbShareCents,
        h.AdvancesPaidCents,
        h.AdvancesPlannedCents,
        h.StatementsCents,
        h.YearReport?.OwnDeliveryCostsCents,
        h.YearReport?.Locked ?? false,
        h.Reconciliation is { } r ? ToReconciliationView(r) : null);

    /// <summary>A reconciliation as the portal shows it: from GetReconciliation and from the year overview.</summary>
    private static ReconciliationView ToReconciliationView(Reconciliation r) => new(
        r.Id, r.AreaId, r.Year, r.HoofdaanbiederName, r.Revision, r.Superseded, r.RulesVersion, r.Parameters?.Version ?? 0, ToDateTime(r.ComputedAt),
        ToView(r.Lumpsum ?? new LumpsumCalculation()), r.TotalLumpsumCents, r.PgbSettlementRevision, r.PgbAmountCents, r.RevenueCents,
        r.SubcontractorCostsCents,
        r.StatementsUsed.Select(s => new StatementUseView(s.SubcontractId, s.OnderaannemerName, s.Month, s.Revision, s.AreaAmountCents)).ToList(),
        r.OwnDeliveryCostsCents, r.YearReportLocked, ToDateTime(r.YearReportSubmittedAt), r.CostsCents, r.ResultCents, r.ProfitCapBp,
        r.ProfitCapCents, r.HourArrangementCount, Exact(r.AllocatedHours), Exact(r.DeliveredHours), Exact(r.UnmetHours),
        r.ReferenceHourlyRateCents, r.StaffShortageCents, r.StaffShortageReclaimCents, r.ExcessProfitCents, ToDateOnly(r.TargetDate),
        Target(r.BasisShare), Target(r.InitiativeShare), r.SanctionBp, r.BasisShareSanctionCents, r.InitiativeShareSanctionCents,
        r.SanctionsCents, r.RepaymentCents);
}
