using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    /// <summary>Queues a run; <paramref name="requestId"/> is fixed per form submission, so a repeat starts nothing new.</summary>
    public Task<ServerResult<StartedRunView>> StartSettlementRunAsync(
        string requestId, SettlementRunKind kind, int areaId, int year, int month, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SettlementService.SettlementServiceClient.StartSettlementRun), async options =>
        {
            var response = await settlements.StartSettlementRunAsync(new StartSettlementRunRequest
            {
                RequestId = requestId,
                Kind = kind,
                AreaId = areaId,
                Year = year,
                Month = month,
            }, options);
            return new StartedRunView(ToView(response.SettlementRun), response.JoinedExisting);
        }, cancellationToken);

    public Task<ServerResult<SettlementRunView>> GetSettlementRunAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SettlementService.SettlementServiceClient.GetSettlementRun), async options =>
            ToView((await settlements.GetSettlementRunAsync(new GetSettlementRunRequest { SettlementRunId = id }, options)).SettlementRun),
            cancellationToken);

    public Task<ServerResult<IReadOnlyList<SettlementRunView>>> ListSettlementRunsAsync(
        SettlementRunKind kind, int year, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<SettlementRunView>>(nameof(SettlementService.SettlementServiceClient.ListSettlementRuns), async options =>
            (await settlements.ListSettlementRunsAsync(new ListSettlementRunsRequest { Kind = kind, Year = year, PageSize = 50 }, options))
                .SettlementRuns.Select(ToView).ToList(),
            cancellationToken);

    /// <summary>The stored revisions of one result identity, newest first.</summary>
    public Task<ServerResult<IReadOnlyList<SettlementRevisionView>>> ListSettlementRevisionsAsync(
        SettlementRunKind kind, int areaId, int year, int month, string subcontractId, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<SettlementRevisionView>>(nameof(SettlementService.SettlementServiceClient.ListSettlementRevisions), async options =>
            (await settlements.ListSettlementRevisionsAsync(new ListSettlementRevisionsRequest
            {
                Kind = kind,
                AreaId = areaId,
                Year = year,
                Month = month,
                SubcontractId = subcontractId,
                PageSize = 100,
            }, options)).Revisions.Select(r => new SettlementRevisionView(
                r.Kind, r.AreaId, r.Year, r.Month, r.SubcontractId, r.Revision, ToDateTime(r.ComputedAt), r.AmountCents, r.Superseded)).ToList(),
            cancellationToken);

    /// <summary>The current statements of a year (month 0) or month; the Server shows each role only its own.</summary>
    public Task<ServerResult<IReadOnlyList<StatementView>>> ListStatementsAsync(int year, int month, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<StatementView>>(nameof(SettlementService.SettlementServiceClient.ListSubcontractorStatements), async options =>
        {
            var list = new List<StatementView>();
            var request = new ListSubcontractorStatementsRequest { Year = year, Month = month, PageSize = 500 };
            do
            {
                var response = await settlements.ListSubcontractorStatementsAsync(request, Options(cancellationToken));
                list.AddRange(response.SubcontractorStatements.Select(ToView));
                request.PageToken = response.NextPageToken;
            }
            while (!string.IsNullOrEmpty(request.PageToken) && list.Count < 5000);

            return list;
        }, cancellationToken);

    public Task<ServerResult<StatementView>> GetStatementAsync(string subcontractId, int year, int month, int revision, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SettlementService.SettlementServiceClient.GetSubcontractorStatement), async options =>
            ToView((await settlements.GetSubcontractorStatementAsync(new GetSubcontractorStatementRequest
            {
                SubcontractId = subcontractId,
                Year = year,
                Month = month,
                Revision = revision,
            }, options)).SubcontractorStatement),
            cancellationToken);

    public Task<ServerResult<PgbSettlementView>> GetPgbSettlementAsync(int areaId, int year, SettlementRunKind kind, int revision, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SettlementService.SettlementServiceClient.GetPgbSettlement), async options =>
        {
            var p = (await settlements.GetPgbSettlementAsync(new GetPgbSettlementRequest { AreaId = areaId, Year = year, Kind = kind, Revision = revision }, options)).PgbSettlement;
            return new PgbSettlementView(
                p.Kind, p.AreaId, p.Year, p.Revision, p.Superseded, p.RulesVersion, p.Parameters?.Version ?? 0, ToDateTime(p.ComputedAt),
                p.BaselineClientCount, ToDateOnly(p.BaselineReferenceDate), p.MonthlyCounts.Select(m => (m.Month, m.ClientCount)).ToList(),
                p.MonthsUsed, p.MonthlyCountSum, Exact(p.AverageClientCount), Exact(p.Difference), p.PgbDeadBandBp, Exact(p.DeadBandClients),
                Exact(p.DifferenceAfterDeadBand), p.AverageCostCents, p.PgbCompensationShareBp, p.PgbAmountCents);
        }, cancellationToken);

    public Task<ServerResult<ReconciliationView>> GetReconciliationAsync(int areaId, int year, int revision, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SettlementService.SettlementServiceClient.GetReconciliation), async options =>
        {
            var r = (await settlements.GetReconciliationAsync(new GetReconciliationRequest { AreaId = areaId, Year = year, Revision = revision }, options)).Reconciliation;
            return ToReconciliationView(r);
        }, cancellationToken);

    /// <summary>The lines behind U of one reconciliation revision (the first 500, largest unmet first).</summary>
    public Task<ServerResult<IReadOnlyList<StaffShortageLineView>>> ListStaffShortageLinesAsync(string reconciliationId, bool onlyUnmet, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<StaffShortageLineView>>(nameof(SettlementService.SettlementServiceClient.ListStaffShortageLines), async options =>
            (await settlements.ListStaffShortageLinesAsync(new ListStaffShortageLinesRequest
            {
                ReconciliationId = reconciliationId,
                OnlyUnmet = onlyUnmet,
                PageSize = 500,
            }, options)).Lines.Select(l => new StaffShortageLineView(
                l.ArrangementId, l.ClientId, l.ClientDisplayName, l.Product, Exact(l.AllocatedHours), Exact(l.DeliveredHours), Exact(l.UnmetHours))).ToList(),
            cancellationToken);

    private static SettlementRunView ToView(SettlementRun r) => new(
        r.Id, r.Kind, r.AreaId, r.Year, r.Month, r.State, r.Trigger, ToDateTime(r.CreatedAt), ToDateTime(r.FinishedAt), r.ProgressPercent,
        r.ProgressStage, r.ItemsDone, r.ItemsTotal, r.NewRevisionCount, r.UnchangedCount, r.Revision, r.ErrorCode, r.ErrorMessage, ToDateTime(r.HeartbeatAt));

    private static StatementView ToView(SubcontractorStatement s) => new(
        s.Id, s.SubcontractId, s.HoofdaanbiederName, s.OnderaannemerName, s.Year, s.Month,
        s.Lines.Select(l => new StatementLineView(l.AreaId, l.Product, l.Unit, l.RateCents, l.Quantity, l.AmountCents, l.EntryCount)).ToList(),
        s.TotalCents, s.Revision, s.Superseded, s.RulesVersion, ToDateTime(s.ComputedAt));

    private static ExactView Exact(Rational? r) => r is null ? new ExactView("0", "1", "0") : new ExactView(r.Numerator, r.Denominator, r.Rounded);

    private static TargetView Target(TargetAssessment? t) => t is null
        ? new TargetView(0, 0, TargetStatus.Unspecified, 0, 0)
        : new TargetView(t.ShareBp, t.TargetBp, t.Status, t.Numerator, t.Denominator);
}
