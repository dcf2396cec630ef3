using GonPortal.Domain.Common;
using GonPortal.Contracts.V1;
using GonPortal.Domain.Settlements;
using GonPortal.Domain.Validation;
using GonPortal.HostContracts;
using GonPortal.Server.Data;
using GonPortal.Server.Budgets;
using GonPortal.Server.Clients;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Grpc;
using GonPortal.Server.Paging;
using GonPortal.Server.Tenancy;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SettlementRunState = GonPortal.Contracts.V1.SettlementRunState;
using ProtoRunMessage = GonPortal.Contracts.V1.SettlementRun;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Settlement runs and their results (settlements.proto). Maps only: runs are queued by
/// <see cref="SettlementRunRequests"/> and executed by <see cref="SettlementRunJob"/>; who sees which
/// result or run is decided by <see cref="SettlementResultQuery"/>. WIJ: nothing (role).
/// Internal because the steps it takes are; gRPC activates it all the same.
/// </summary>
[Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Onderaannemer},{GonRoles.Gemeente}")]
internal sealed class SettlementGrpcService(GonDbContext db, TenantContext tenant, SettlementRunRequests runs, SettlementResultQuery query,
    StatementCompletenessQuery completeness, BudgetAreaAccess areaAccess, CrossTenantAccess crossTenant, TimeProvider clock,
    SettlementJobOptions jobOptions)
    : SettlementService.SettlementServiceBase
{
    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<StartSettlementRunResponse> StartSettlementRun(StartSettlementRunRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Check(request.RequestId.Length is < 1 or > 100, "request_id", "must be 1-100 characters");
        v.ThrowIfAny();
        var (run, joined) = await runs.StartOnceAsync(request, request.RequestId, SettlementMapping.ToDomain(request.Kind),
            request.AreaId, request.Year, request.Month, tenant.Subject, context.CancellationToken);
        return new StartSettlementRunResponse { SettlementRun = ToProto(run), JoinedExisting = joined };
    }

    public override async Task<GetSettlementRunResponse> GetSettlementRun(GetSettlementRunRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var id = ProtoConvert.ToId(v, "settlement_run_id", request.SettlementRunId);
        v.ThrowIfAny();
        var run = await (await query.VisibleRunsAsync(context.CancellationToken)).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, context.CancellationToken)
            ?? throw new NotFoundException("Settlement run", $"Settlement run {id} was not found.");
        return new GetSettlementRunResponse { SettlementRun = ToProto(run) };
    }

    public override async Task<ListSettlementRunsResponse> ListSettlementRuns(ListSettlementRunsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        AreaIdRules.Filter(v, request.AreaId);
        v.ThrowIfAny();
        var visible = (await query.VisibleRunsAsync(context.CancellationToken)).AsNoTracking();
        if (SettlementMapping.ToDomain(request.Kind) is { } kind)
        {
            visible = visible.Where(r => r.Kind == kind);
        }
        if (request.AreaId != 0)
        {
            visible = visible.Where(r => r.AreaId == request.AreaId);
        }
        if (request.Year != 0)
        {
            visible = visible.Where(r => r.Year == request.Year);
        }
        if (request.State is >= SettlementRunState.Queued and <= SettlementRunState.Failed)
        {
            var state = (Domain.Settlements.SettlementRunState)(int)request.State;
            visible = visible.Where(r => r.State == state);
        }
        visible = StalledFilter(visible, request.State);
        var (items, next) = await page.ApplyAsync(visible.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
            (q, ct) => q.ToListAsync(ct), context.CancellationToken);
        var response = new ListSettlementRunsResponse { NextPageToken = next };
        response.SettlementRuns.AddRange(items.Select(ToProto));
        return response;
    }

    private ProtoRunMessage ToProto(Domain.Settlements.SettlementRun run) => SettlementMapping.ToProto(run, clock.GetUtcNow(), jobOptions.Lease, jobOptions.Heartbeat);

    /// <summary>STALLED selects running runs whose worker went silent; RUNNING then means the others (<see cref="SettlementRunHeartbeat"/>).</summary>
    private IQueryable<Domain.Settlements.SettlementRun> StalledFilter(IQueryable<Domain.Settlements.SettlementRun> runs, SettlementRunState filter)
    {
        var bound = SettlementRunHeartbeat.StalledIfLeaseExpiresBefore(clock.GetUtcNow(), jobOptions.Lease, jobOptions.Heartbeat);
        return filter switch
        {
            SettlementRunState.Stalled => runs.Where(r => r.State == Domain.Settlements.SettlementRunState.Running && r.LeaseExpiresAt < bound),
            SettlementRunState.Running => runs.Where(r => r.LeaseExpiresAt >= bound),
            _ => runs,
        };
    }

    public override async Task<ListSettlementRevisionsResponse> ListSettlementRevisions(ListSettlementRevisionsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        var kind = SettlementMapping.ToDomain(request.Kind);
        v.Check(kind is null, "kind", "is required");
        v.Check(request.Year is < 2000 or > 2100, "year", "must be a year 2000-2100");
        var subcontract = ProtoConvert.ToId(v, "subcontract_id", request.SubcontractId, required: kind == SettlementKind.SubcontractorStatements);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var results = await query.ResultsAsync($"Settlement revisions {kind} area {request.AreaId} {request.Year}-{request.Month}", ct);
        var revisions = results.OfIdentity(kind!.Value, request.AreaId, request.Year, request.Month, subcontract ?? Guid.Empty);
        var latest = await revisions.Select(r => (int?)r.Revision).MaxAsync(ct) ?? 0;
        var (items, next) = await page.ApplyAsync(revisions.OrderByDescending(r => r.Revision), (q, c) => q.ToListAsync(c), ct);
        var response = new ListSettlementRevisionsResponse { NextPageToken = next };
        response.Revisions.AddRange(items.Select(r => SettlementMapping.ToRevision(r, r.Revision < latest)));
        return response;
    }

    public override async Task<ListSubcontractorStatementsResponse> ListSubcontractorStatements(ListSubcontractorStatementsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        var ct = context.CancellationToken;
        var (ordered, names) = await ListStatementsAsync(v, request, ct);
        var (items, next) = await page.ApplyAsync(ordered.AsQueryable(), (q, _) => Task.FromResult(q.ToList()), ct);
        var response = new ListSubcontractorStatementsResponse { NextPageToken = next };
        response.SubcontractorStatements.AddRange(items.Select(r => SettlementMapping.ToStatement(r, false, names)));
        return response;
    }

    /// <summary>
    /// ListSubcontractorStatements' filters over what the caller may see, in the list's order, with the providers'
    /// names; validated into <paramref name="v"/> (thrown with what the caller added before) ahead of any read. The
    /// statements export (Exports/ExportRequestMapping) sends the same set.
    /// </summary>
    internal async Task<(List<SettlementResult> Statements, Dictionary<Guid, string> Names)> ListStatementsAsync(Violations v,
        ListSubcontractorStatementsRequest request, CancellationToken ct)
    {
        v.Check(request.Year is < 2000 or > 2100, "year", "must be a year 2000-2100");
        v.Check(request.Month is < 0 or > 12, "month", "must be 0 (all) or 1-12");
        var ha = ProtoConvert.ToId(v, "hoofdaanbieder_id", request.HoofdaanbiederId, required: false);
        var oa = ProtoConvert.ToId(v, "onderaannemer_id", request.OnderaannemerId, required: false);
        var subcontract = ProtoConvert.ToId(v, "subcontract_id", request.SubcontractId, required: false);
        v.ThrowIfAny();
        var statements = await query.CurrentStatementsAsync(request.Year, request.Month, ha, oa, subcontract, ct);
        // A year holds at most 12 statements per subcontract: ordering by display names is done here.
        var rows = await statements.ToListAsync(ct);
        var names = await db.ProviderNamesAsync(rows.SelectMany(r => new[] { r.TenantId, r.OnderaannemerId ?? Guid.Empty }), ct);
        var ordered = rows.OrderBy(r => r.Month)
            .ThenBy(r => names.GetValueOrDefault(r.TenantId, ""), StringComparer.Ordinal)
            .ThenBy(r => names.GetValueOrDefault(r.OnderaannemerId ?? Guid.Empty, ""), StringComparer.Ordinal)
            .ThenBy(r => r.SubcontractId)
            .ToList();
        return (ordered, names);
    }

    public override async Task<GetSubcontractorStatementResponse> GetSubcontractorStatement(GetSubcontractorStatementRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var subcontract = ProtoConvert.ToId(v, "subcontract_id", request.SubcontractId);
        v.Check(request.Month is < 1 or > 12, "month", "must be 1-12");
        v.Check(request.Revision < 0, "revision", "must be 0 (current) or a revision number");
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var (row, superseded) = await query.OneAsync(SettlementKind.SubcontractorStatements, 0, request.Year, request.Month, subcontract!.Value,
            request.Revision, $"Subcontractor statement {subcontract} {request.Year}-{request.Month:D2}", ct);
        var names = await db.ProviderNamesAsync([row.TenantId, row.OnderaannemerId ?? Guid.Empty], ct);
        return new GetSubcontractorStatementResponse { SubcontractorStatement = SettlementMapping.ToStatement(row, superseded, names) };
    }

    public override async Task<GetPgbSettlementResponse> GetPgbSettlement(GetPgbSettlementRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var kind = SettlementMapping.ToDomain(request.Kind);
        v.Check(kind is not (SettlementKind.PgbProvisional or SettlementKind.PgbFinal), "kind", "must be SETTLEMENT_RUN_KIND_PGB_PROVISIONAL or SETTLEMENT_RUN_KIND_PGB_FINAL");
        AreaIdRules.Required(v, request.AreaId);
        v.Check(request.Revision < 0, "revision", "must be 0 (current) or a revision number");
        v.ThrowIfAny();
        var (row, superseded) = await query.OneAsync(kind!.Value, request.AreaId, request.Year, 0, Guid.Empty, request.Revision,
            $"PGB settlement area {request.AreaId} {request.Year}", context.CancellationToken);
        return new GetPgbSettlementResponse { PgbSettlement = SettlementMapping.ToPgb(row, superseded) };
    }

    public override async Task<GetReconciliationResponse> GetReconciliation(GetReconciliationRequest request, ServerCallContext context)
    {
        var v = new Violations();
        AreaIdRules.Required(v, request.AreaId);
        v.Check(request.Revision < 0, "revision", "must be 0 (current) or a revision number");
        var holder = request.HoofdaanbiederId.Length == 0 ? null : ProtoConvert.ToId(v, "hoofdaanbieder_id", request.HoofdaanbiederId);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var (row, superseded) = await query.ReconciliationAsync(request.AreaId, request.Year, holder, request.Revision,
            $"Reconciliation area {request.AreaId} {request.Year}", ct);
        var names = await db.ProviderNamesAsync([row.TenantId], ct);
        var reconciliation = SettlementMapping.ToReconciliation(row, superseded, names);
        await NameOnderaannemersAsync(reconciliation.StatementsUsed, ct);
        return new GetReconciliationResponse { Reconciliation = reconciliation };
    }

    /// <summary>
    /// The statements used name their onderaannemer: subcontracts as the caller may see them (the owner
    /// through the tenant filter, the gemeente alongside the reconciliation's audited read), then the
    /// provider register.
    /// </summary>
    private async Task NameOnderaannemersAsync(IEnumerable<StatementUse> statements, CancellationToken ct)
    {
        var list = statements.ToList();
        var ids = list.Select(s => Guid.TryParse(s.SubcontractId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var onderaannemers = await crossTenant.AlongsideRead<Domain.Subcontracts.Subcontract>().AsNoTracking()
            .Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.OnderaannemerId }).ToDictionaryAsync(s => s.Id, s => s.OnderaannemerId, ct);
        var names = await db.ProviderNamesAsync(onderaannemers.Values.Distinct(), ct);
        foreach (var statement in list)
        {
            if (Guid.TryParse(statement.SubcontractId, out var id) && onderaannemers.TryGetValue(id, out var provider))
            {
                statement.OnderaannemerName = names.GetValueOrDefault(provider, "");
            }
        }
    }

    [Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Gemeente}")]
    public override async Task<GetStatementCompletenessResponse> GetStatementCompleteness(GetStatementCompletenessRequest request, ServerCallContext context)
    {
        var v = new Violations();
        AreaIdRules.Required(v, request.AreaId);
        v.Check(request.Year is < 2000 or > 2100, "year", "must be a year 2000-2100");
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        await areaAccess.RequireHeldAsync(request.AreaId, request.Year, ct);
        var today = Domain.Common.AmsterdamCalendar.Today(clock.GetUtcNow());
        var ended = request.Year < today.Year ? 12 : request.Year == today.Year ? today.Month - 1 : 0;
        // The gemeente reads every holder's subcontracts and entries (audited); a hoofdaanbieder its own.
        var subcontracts = await crossTenant.VisibleAsync<Domain.Subcontracts.Subcontract>(
            $"Statement completeness area {request.AreaId} {request.Year}", ct);
        var months = await completeness.AssessAsync(subcontracts, crossTenant.AlongsideRead<Domain.Hours.HourEntry>(),
            request.AreaId, request.Year, ended, ct);
        var ids = months.SelectMany(m => m.SubcontractsInForce).Distinct().ToList();
        var owners = await subcontracts.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.OnderaannemerId }).ToListAsync(ct);
        var names = await db.ProviderNamesAsync(owners.Select(o => o.OnderaannemerId), ct);
        var bySubcontract = owners.ToDictionary(o => o.Id, o => names.GetValueOrDefault(o.OnderaannemerId, ""));
        var response = new GetStatementCompletenessResponse { Complete = months.All(m => m.IsComplete) };
        response.Months.AddRange(months.Select(m => SettlementMapping.ToProto(m, bySubcontract)));
        return response;
    }

    public override async Task<ListStaffShortageLinesResponse> ListStaffShortageLines(ListStaffShortageLinesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        var id = ProtoConvert.ToId(v, "reconciliation_id", request.ReconciliationId);
        v.ThrowIfAny();
        var lines = await query.ShortageLinesAsync(id!.Value, request.OnlyUnmet, context.CancellationToken);
        var (items, next) = await page.ApplyAsync(lines.OrderByDescending(l => l.UnmetHoursValue).ThenBy(l => l.ArrangementId),
            (q, c) => q.ToListAsync(c), context.CancellationToken);
        var response = new ListStaffShortageLinesResponse { NextPageToken = next };
        response.Lines.AddRange(items.Select(SettlementMapping.ToProto));
        // Names of the clients the caller may see: the owner's through the tenant filter, the gemeente's
        // alongside the audited read of the reconciliation above.
        var clientNames = await crossTenant.ClientNamesAsync(items.Select(l => l.ClientId), context.CancellationToken);
        foreach (var (line, item) in response.Lines.Zip(items))
        {
            line.ClientDisplayName = clientNames.GetValueOrDefault(item.ClientId, "");
        }
        return response;
    }
}
