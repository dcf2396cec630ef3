using GonPortal.Contracts.V1;
using GonPortal.Domain.Common;
using GonPortal.Domain.Settlements;
using GonPortal.Domain.Validation;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Grpc;
using GonPortal.Server.Idempotency;
using GonPortal.Server.Paging;
using GonPortal.Server.Settlements;
using GonPortal.Server.Tenancy;
using GonPortal.HostContracts;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using DomainRun = GonPortal.Domain.Settlements.SettlementRun;
using SettlementRunState = GonPortal.Contracts.V1.SettlementRunState;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Settlement runs and their results (settlements.proto). Maps only: runs are queued by
/// <see cref="SettlementRunStarter"/> and executed by <see cref="SettlementRunJob"/>. Visibility:
/// results through the tenant filter (the hoofdaanbieder owns them, an onderaannemer sees the
/// statements for it), the gemeente through one audited <see cref="CrossTenantAccess"/> read per call;
/// runs (the gemeente's process records) to the gemeente, and to a hoofdaanbieder the statement runs
/// and the runs of areas it holds in the run's year. WIJ: nothing (role). Invisible single items are NOT_FOUND.
/// </summary>
[Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Onderaannemer},{GonRoles.Gemeente}")]
public sealed class SettlementGrpcService(
    GonDbContext db, TenantContext tenant, CrossTenantAccess crossTenant, IdempotentRequests idempotency, IServiceProvider services)
    : SettlementService.SettlementServiceBase
{
    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<StartSettlementRunResponse> StartSettlementRun(StartSettlementRunRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Check(request.RequestId.Length is < 1 or > 100, "request_id", "must be 1-100 characters");
        v.ThrowIfAny();
        var kind = SettlementProto.ToDomain(request.Kind);
        DomainRun.Validate(kind, request.AreaId, request.Year, request.Month);

        var ct = context.CancellationToken;
        var joined = false;
        var run = await idempotency.CreateOnceAsync(request, request.RequestId,
            async () =>
            {
                var (started, wasJoined) = await services.GetRequiredService<SettlementRunStarter>()
                    .StartAsync(kind, request.AreaId, request.Year, request.Month, SettlementTrigger.Api, tenant.Subject, ct);
                joined = wasJoined;
                return started.Id;
            },
            id => db.SettlementRuns.AsNoTracking().SingleAsync(r => r.Id == id, ct),
            ct);
        return new StartSettlementRunResponse { SettlementRun = SettlementMapping.ToProto(run), JoinedExisting = joined };
    }

    public override async Task<GetSettlementRunResponse> GetSettlementRun(GetSettlementRunRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var id = ProtoConvert.ToId(v, "settlement_run_id", request.SettlementRunId);
        v.ThrowIfAny();
        var run = await VisibleRuns().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, context.CancellationToken)
            ?? throw new NotFoundException($"Settlement run {id} was not found.");
        return new GetSettlementRunResponse { SettlementRun = SettlementMapping.ToProto(run) };
    }

    public override async Task<ListSettlementRunsResponse> ListSettlementRuns(ListSettlementRunsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        AreaIdRules.Filter(v, request.AreaId);
        v.ThrowIfAny();
        var query = VisibleRuns().AsNoTracking();
        if (SettlementProto.ToDomain(request.Kind) is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }
        if (request.AreaId != 0)
        {
            query = query.Where(r => r.AreaId == request.AreaId);
        }
        if (request.Year != 0)
        {
            query = query.Where(r => r.Year == request.Year);
        }
        if (request.State is >= SettlementRunState.Queued and <= SettlementRunState.Failed)
        {
            var state = (Domain.Settlements.SettlementRunState)(int)request.State;
            query = query.Where(r => r.State == state);
        }
        var (items, next) = await page.ApplyAsync(query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
            (q, ct) => q.ToListAsync(ct), context.CancellationToken);
        var response = new ListSettlementRunsResponse { NextPageToken = next };
        response.SettlementRuns.AddRange(items.Select(SettlementMapping.ToProto));
        return response;
    }

    public override async Task<ListSettlementRevisionsResponse> ListSettlementRevisions(ListSettlementRevisionsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        var kind = SettlementProto.ToDomain(request.Kind);
        v.Check(kind is null, "kind", "is required");
        v.Check(request.Year is < 2000 or > 2100, "year", "must be a year 2000-2100");
        var subcontract = ProtoConvert.ToId(v, "subcontract_id", request.SubcontractId, required: kind == SettlementKind.SubcontractorStatements);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var results = await ResultsAsync($"Settlement revisions {kind} area {request.AreaId} {request.Year}-{request.Month}", ct);
        var query = results.OfIdentity(kind!.Value, request.AreaId, request.Year, request.Month, subcontract ?? Guid.Empty);
        var latest = await query.Select(r => (int?)r.Revision).MaxAsync(ct) ?? 0;
        var (items, next) = await page.ApplyAsync(query.OrderByDescending(r => r.Revision), (q, c) => q.ToListAsync(c), ct);
        var response = new ListSettlementRevisionsResponse { NextPageToken = next };
        response.Revisions.AddRange(items.Select(r => SettlementMapping.ToRevision(r, r.Revision < latest)));
        return response;
    }

    public override async Task<ListSubcontractorStatementsResponse> ListSubcontractorStatements(ListSubcontractorStatementsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        v.Check(request.Year is < 2000 or > 2100, "year", "must be a year 2000-2100");
        v.Check(request.Month is < 0 or > 12, "month", "must be 0 (all) or 1-12");
        var ha = ProtoConvert.ToId(v, "hoofdaanbieder_id", request.HoofdaanbiederId, required: false);
        var oa = ProtoConvert.ToId(v, "onderaannemer_id", request.OnderaannemerId, required: false);
        var subcontract = ProtoConvert.ToId(v, "subcontract_id", request.SubcontractId, required: false);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var results = await ResultsAsync($"Subcontractor statements {request.Year}-{request.Month}", ct);
        var query = results.Where(r => r.Kind == SettlementKind.SubcontractorStatements && r.Year == request.Year).Current(results);
        if (request.Month != 0)
        {
            query = query.Where(r => r.Month == request.Month);
        }
        if (ha is { } h)
        {
            query = query.Where(r => r.TenantId == h);
        }
        if (oa is { } o)
        {
            query = query.Where(r => r.OnderaannemerId == o);
        }
        if (subcontract is { } s)
        {
            query = query.Where(r => r.SubcontractId == s);
        }
        // A year holds at most 12 statements per subcontract: ordering by display names is done here.
        var rows = await query.AsNoTracking().ToListAsync(ct);
        var names = await db.ProviderNamesAsync(rows.SelectMany(r => new[] { r.TenantId, r.OnderaannemerId ?? Guid.Empty }), ct);
        var ordered = rows.OrderBy(r => r.Month)
            .ThenBy(r => names.GetValueOrDefault(r.TenantId, ""), StringComparer.Ordinal)
            .ThenBy(r => names.GetValueOrDefault(r.OnderaannemerId ?? Guid.Empty, ""), StringComparer.Ordinal)
            .ThenBy(r => r.SubcontractId)
            .ToList();
        var (items, next) = await page.ApplyAsync(ordered.AsQueryable(), (q, _) => Task.FromResult(q.ToList()), ct);
        var response = new ListSubcontractorStatementsResponse { NextPageToken = next };
        response.SubcontractorStatements.AddRange(items.Select(r => SettlementMapping.ToStatement(r, false, names)));
        return response;
    }

    public override async Task<GetSubcontractorStatementResponse> GetSubcontractorStatement(GetSubcontractorStatementRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var subcontract = ProtoConvert.ToId(v, "subcontract_id", request.SubcontractId);
        v.Check(request.Month is < 1 or > 12, "month", "must be 1-12");
        v.Check(request.Revision < 0, "revision", "must be 0 (current) or a revision number");
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var (row, superseded) = await OneAsync(SettlementKind.SubcontractorStatements, 0, request.Year, request.Month, subcontract!.Value, request.Revision,
            $"Subcontractor statement {subcontract} {request.Year}-{request.Month:D2}", ct);
        var names = await db.ProviderNamesAsync([row.TenantId, row.OnderaannemerId ?? Guid.Empty], ct);
        return new GetSubcontractorStatementResponse { SubcontractorStatement = SettlementMapping.ToStatement(row, superseded, names) };
    }

    public override async Task<GetPgbSettlementResponse> GetPgbSettlement(GetPgbSettlementRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var kind = SettlementProto.ToDomain(request.Kind);
        v.Check(kind is not (SettlementKind.PgbProvisional or SettlementKind.PgbFinal), "kind", "must be SETTLEMENT_RUN_KIND_PGB_PROVISIONAL or SETTLEMENT_RUN_KIND_PGB_FINAL");
        AreaIdRules.Required(v, request.AreaId);
        v.Check(request.Revision < 0, "revision", "must be 0 (current) or a revision number");
        v.ThrowIfAny();
        var (row, superseded) = await OneAsync(kind!.Value, request.AreaId, request.Year, 0, Guid.Empty, request.Revision,
            $"PGB settlement area {request.AreaId} {request.Year}", context.CancellationToken);
        return new GetPgbSettlementResponse { PgbSettlement = SettlementMapping.ToPgb(row, superseded) };
    }

    public override async Task<GetReconciliationResponse> GetReconciliation(GetReconciliationRequest request, ServerCallContext context)
    {
        var v = new Violations();
        AreaIdRules.Required(v, request.AreaId);
        v.Check(request.Revision < 0, "revision", "must be 0 (current) or a revision number");
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var (row, superseded) = await OneAsync(SettlementKind.Reconciliation, request.AreaId, request.Year, 0, Guid.Empty, request.Revision,
            $"Reconciliation area {request.AreaId} {request.Year}", ct);
        var names = await db.ProviderNamesAsync([row.TenantId], ct);
        return new GetReconciliationResponse { Reconciliation = SettlementMapping.ToReconciliation(row, superseded, names) };
    }

    public override async Task<ListStaffShortageLinesResponse> ListStaffShortageLines(ListStaffShortageLinesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        var id = ProtoConvert.ToId(v, "reconciliation_id", request.ReconciliationId);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var results = await ResultsAsync($"Staff-shortage lines of reconciliation {id}", ct);
        var visible = await results.AnyAsync(r => r.Id == id && r.Kind == SettlementKind.Reconciliation, ct);
        if (!visible)
        {
            throw new NotFoundException($"Reconciliation {id} was not found.");
        }
        // The reconciliation itself was checked (or the gemeente's read audited) above; its lines follow it.
        var lines = db.SettlementShortageLines.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking().Where(l => l.SettlementResultId == id);
        if (request.OnlyUnmet)
        {
            lines = lines.Where(l => l.UnmetHours != "0/1");
        }
        var (items, next) = await page.ApplyAsync(lines.OrderByDescending(l => l.UnmetHoursValue).ThenBy(l => l.ArrangementId),
            (q, c) => q.ToListAsync(c), ct);
        var response = new ListStaffShortageLinesResponse { NextPageToken = next };
        response.Lines.AddRange(items.Select(SettlementMapping.ToProto));
        return response;
    }

    /// <summary>One revision (0 = current) of a result identity the caller may see, with whether a later one exists; else NOT_FOUND.</summary>
    private async Task<(SettlementResult Row, bool Superseded)> OneAsync(SettlementKind kind, int area, int year, int month, Guid subcontract,
        int revision, string resource, CancellationToken ct)
    {
        var results = await ResultsAsync(resource, ct);
        var identity = results.OfIdentity(kind, area, year, month, subcontract).AsNoTracking();
        var latest = await identity.Select(r => (int?)r.Revision).MaxAsync(ct)
            ?? throw new NotFoundException($"{resource}: no result was found.");
        var wanted = revision == 0 ? latest : revision;
        var row = await identity.SingleOrDefaultAsync(r => r.Revision == wanted, ct)
            ?? throw new NotFoundException($"{resource}: revision {revision} was not found.");
        return (row, wanted < latest);
    }

    /// <summary>Results the caller may see: the tenant filter, or for the gemeente one audited read.</summary>
    private Task<IQueryable<SettlementResult>> ResultsAsync(string resource, CancellationToken ct) =>
        crossTenant.VisibleAsync<SettlementResult>(resource, ct);

    /// <summary>Runs the caller may see: the gemeente all; a hoofdaanbieder statement runs and runs of areas it holds in the run's year.</summary>
    private IQueryable<DomainRun> VisibleRuns()
    {
        if (tenant.IsGemeente)
        {
            return db.SettlementRuns;
        }
        if (tenant.Role != GonRoles.Hoofdaanbieder)
        {
            return db.SettlementRuns.Where(_ => false);
        }
        var me = tenant.TenantId;
        return db.SettlementRuns.Where(r => r.Kind == SettlementKind.SubcontractorStatements
            || db.AreaContracts.Any(c => c.HoofdaanbiederId == me && c.AreaId == r.AreaId && c.PeriodStart.Year <= r.Year && c.PeriodEnd.Year >= r.Year));
    }
}
