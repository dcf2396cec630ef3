using GonPortal.Contracts.V1;
using GonPortal.Domain.Subcontracts;
using GonPortal.Domain.Validation;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Grpc;
using GonPortal.Server.Idempotency;
using GonPortal.Server.Paging;
using GonPortal.Server.Providers;
using GonPortal.Server.Tenancy;
using GonPortal.HostContracts;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using DomainSubcontract = GonPortal.Domain.Subcontracts.Subcontract;
using SubcontractState = GonPortal.Contracts.V1.SubcontractState;

namespace GonPortal.Server.Subcontracts;

/// <summary>
/// Subcontracts. Isolation is the data layer's: hoofdaanbieders and onderaannemers query the
/// filtered set and simply cannot see others' rows; the gemeente goes through
/// <see cref="CrossTenantAccess"/>, which audits. WIJ has no part in subcontracting.
/// </summary>
[Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Onderaannemer},{GonRoles.Gemeente}")]
public sealed class SubcontractGrpcService(GonDbContext db, TenantContext tenant, CrossTenantAccess crossTenant, IdempotentRequests idempotency, AreaHolding holding, TimeProvider clock)
    : SubcontractService.SubcontractServiceBase
{
    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<CreateSubcontractResponse> CreateSubcontract(CreateSubcontractRequest request, ServerCallContext context)
    {
        var v = new Violations();
        Text.RequestId(v, "request_id", request.RequestId);
        var onderaannemerId = ProtoConvert.ToId(v, "onderaannemer_id", request.OnderaannemerId);
        var validFrom = ProtoConvert.ToDate(v, "valid_from", request.ValidFrom);
        var validTo = ProtoConvert.ToDate(v, "valid_to", request.ValidTo);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        return await idempotency.CreateOnceAsync(request, request.RequestId,
            async () =>
            {
                var onderaannemer = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == onderaannemerId, ct);
                var held = validFrom is { } from ? (await holding.CallerAreasAsync(from, from, ct)).ToHashSet() : [];
                var proposal = new SubcontractProposal(tenant.TenantId, onderaannemer, request.AreaIds.ToList(),
                    request.Rates.Select(r => (ProtoConvert.ToDomain(r.Product), ProtoConvert.ToDomain(r.Unit), r.RateCents)).ToList(),
                    validFrom, validTo, held);
                var subcontract = DomainSubcontract.Propose(Guid.NewGuid(), proposal, tenant.Subject, clock.GetUtcNow());
                db.Subcontracts.Add(subcontract);
                return subcontract.Id;
            },
            async id => new CreateSubcontractResponse { Subcontract = await ToProto(await db.Subcontracts.AsNoTracking().SingleAsync(s => s.Id == id, ct), ct) },
            ct);
    }

    public override async Task<GetSubcontractResponse> GetSubcontract(GetSubcontractRequest request, ServerCallContext context)
    {
        var id = RequireId(request.SubcontractId);
        var ct = context.CancellationToken;
        var source = await Visible($"Subcontract {id}", ct);
        var subcontract = await source.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Subcontract");
        return new GetSubcontractResponse { Subcontract = await ToProto(subcontract, ct) };
    }

    public override async Task<ListSubcontractsResponse> ListSubcontracts(ListSubcontractsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        var ct = context.CancellationToken;
        var query = await ListQueryAsync(v, request, ct);
        var (items, next) = await page.ApplyAsync(query, (q, t) => q.ToListAsync(t), ct);
        var names = await Names(items, ct);
        var response = new ListSubcontractsResponse { NextPageToken = next };
        response.Subcontracts.AddRange(items.Select(s => SubcontractMapping.ToProto(s, names)));
        return response;
    }

    /// <summary>
    /// ListSubcontracts' filters over what the caller may see, in the list's order, untracked; validated into
    /// <paramref name="v"/> ahead of any read. The table export (Exports/ExportRequestMapping) reads the same set in chunks.
    /// </summary>
    internal async Task<IQueryable<DomainSubcontract>> ListQueryAsync(Violations v, ListSubcontractsRequest request, CancellationToken ct)
    {
        var hoofdaanbieder = ProtoConvert.ToId(v, "hoofdaanbieder_id", request.HoofdaanbiederId, required: false);
        var onderaannemer = ProtoConvert.ToId(v, "onderaannemer_id", request.OnderaannemerId, required: false);
        var state = SubcontractMapping.ToDomain(request.State);
        v.ThrowIfAny();

        var query = (await Visible("Subcontract list", ct)).AsNoTracking();
        if (hoofdaanbieder is not null)
        {
            query = query.Where(s => s.TenantId == hoofdaanbieder);
        }
        if (onderaannemer is not null)
        {
            query = query.Where(s => s.OnderaannemerId == onderaannemer);
        }
        if (state is not null)
        {
            query = query.Where(s => s.State == state);
        }
        return query.OrderByDescending(s => s.ProposedAt).ThenBy(s => s.Id);
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<ConsentSubcontractResponse> ConsentSubcontract(ConsentSubcontractRequest request, ServerCallContext context)
    {
        var subcontract = await LoadForGemeenteDecision(request.SubcontractId, context.CancellationToken);
        subcontract.Consent(tenant.Subject, request.ConsentReference, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return new ConsentSubcontractResponse { Subcontract = await ToProto(subcontract, context.CancellationToken) };
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<RefuseSubcontractResponse> RefuseSubcontract(RefuseSubcontractRequest request, ServerCallContext context)
    {
        var subcontract = await LoadForGemeenteDecision(request.SubcontractId, context.CancellationToken);
        subcontract.Refuse(tenant.Subject, request.Reason, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return new RefuseSubcontractResponse { Subcontract = await ToProto(subcontract, context.CancellationToken) };
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<WithdrawSubcontractResponse> WithdrawSubcontract(WithdrawSubcontractRequest request, ServerCallContext context)
    {
        var subcontract = await LoadOwn(request.SubcontractId, context.CancellationToken);
        subcontract.Withdraw(tenant.Subject, request.Reason, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return new WithdrawSubcontractResponse { Subcontract = await ToProto(subcontract, context.CancellationToken) };
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<EndSubcontractResponse> EndSubcontract(EndSubcontractRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var id = ProtoConvert.ToId(v, "subcontract_id", request.SubcontractId);
        var endDate = ProtoConvert.ToDate(v, "end_date", request.EndDate);
        v.ThrowIfAny();
        var subcontract = await LoadOwn(id!.Value, context.CancellationToken);
        subcontract.End(tenant.Subject, endDate, request.Reason, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return new EndSubcontractResponse { Subcontract = await ToProto(subcontract, context.CancellationToken) };
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<ChangeSubcontractRateResponse> ChangeSubcontractRate(ChangeSubcontractRateRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var id = ProtoConvert.ToId(v, "subcontract_id", request.SubcontractId);
        var from = ProtoConvert.ToDate(v, "effective_from", request.EffectiveFrom);
        v.ThrowIfAny();
        var subcontract = await LoadOwn(id!.Value, context.CancellationToken);
        var change = new RateChangeRequest(ProtoConvert.ToDomain(request.Product), ProtoConvert.ToDomain(request.Unit), request.RateCents, from, request.Reason);
        if (subcontract.ChangeRate(change, tenant.Subject, tenant.DisplayName ?? "", clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        return new ChangeSubcontractRateResponse { Subcontract = await ToProto(subcontract, context.CancellationToken) };
    }

    /// <summary>What the caller may see: own and party rows through the tenant filter, all rows for the gemeente (audited).</summary>
    private Task<IQueryable<DomainSubcontract>> Visible(string resource, CancellationToken ct) =>
        crossTenant.VisibleAsync<DomainSubcontract>(resource, ct);

    private async Task<DomainSubcontract> LoadForGemeenteDecision(string rawId, CancellationToken ct)
    {
        var id = RequireId(rawId);
        var source = await crossTenant.ReadAsync<DomainSubcontract>($"Subcontract {id}", ct);
        var subcontract = await source.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Subcontract");
        crossTenant.AllowWrite(subcontract.TenantId, $"Subcontract {id}");
        return subcontract;
    }

    private Task<DomainSubcontract> LoadOwn(string rawId, CancellationToken ct) => LoadOwn(RequireId(rawId), ct);

    /// <summary>Only the owning hoofdaanbieder's rows; the onderaannemer's party visibility does not grant changes.</summary>
    private async Task<DomainSubcontract> LoadOwn(Guid id, CancellationToken ct) =>
        await db.Subcontracts.SingleOrDefaultAsync(s => s.Id == id && s.TenantId == tenant.TenantId, ct)
        ?? throw new NotFoundException("Subcontract");

    private static Guid RequireId(string raw)
    {
        var v = new Violations();
        var id = ProtoConvert.ToId(v, "subcontract_id", raw);
        v.ThrowIfAny();
        return id!.Value;
    }

    private async Task<Contracts.V1.Subcontract> ToProto(DomainSubcontract s, CancellationToken ct) =>
        SubcontractMapping.ToProto(s, await Names([s], ct));

    private Task<Dictionary<Guid, string>> Names(IReadOnlyCollection<DomainSubcontract> items, CancellationToken ct) =>
        db.ProviderNamesAsync(items.SelectMany(s => new[] { s.TenantId, s.OnderaannemerId }), ct);
}
