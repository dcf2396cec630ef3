using GonPortal.Contracts.V1;
using GonPortal.Domain.Validation;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Grpc;
using GonPortal.Server.Idempotency;
using GonPortal.Server.Paging;
using GonPortal.Server.Tenancy;
using GonPortal.HostContracts;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OrganisationKind = GonPortal.Contracts.V1.OrganisationKind;
using DomainAreaContract = GonPortal.Domain.Providers.AreaContract;

namespace GonPortal.Server.Providers;

/// <summary>
/// The provider register and area contracts. Public to every authenticated caller; only the
/// gemeente writes.
/// </summary>
[Authorize(Roles = GonRoles.AnyRole)]
public sealed class ProviderGrpcService(
    GonDbContext db, TenantContext tenant, IdempotentRequests idempotency, AreaHolding holding, ProviderRegistration registration, TimeProvider clock)
    : ProviderService.ProviderServiceBase
{
    public override async Task<GetCurrentOrganisationResponse> GetCurrentOrganisation(GetCurrentOrganisationRequest request, ServerCallContext context)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var response = new GetCurrentOrganisationResponse
        {
            OrganisationId = tenant.TenantId.ToString(),
            OrganisationName = tenant.TenantName,
            Role = ProtoConvert.ToProtoRole(tenant.Role),
            Subject = tenant.Subject,
            Kind = tenant.Role switch
            {
                GonRoles.Gemeente => OrganisationKind.Gemeente,
                GonRoles.Wij => OrganisationKind.Wij,
                GonRoles.Hoofdaanbieder => OrganisationKind.Hoofdaanbieder,
                _ => OrganisationKind.Onderaannemer,
            },
        };
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == tenant.TenantId, context.CancellationToken);
        if (provider is not null)
        {
            response.OrganisationName = provider.Name;
        }
        response.AreaIds.AddRange(await holding.CallerAreasAsync(today, DateOnly.MaxValue, context.CancellationToken));
        return response;
    }

    public override async Task<ListProvidersResponse> ListProviders(ListProvidersRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        var kind = ProviderMapping.ToDomain(request.Kind);
        v.Check(request.Kind != OrganisationKind.Unspecified && kind is null, "kind", "must be unset, HOOFDAANBIEDER or ONDERAANNEMER");
        v.ThrowIfAny();

        var query = db.Providers.AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(p => p.Kind == kind);
        }
        var (items, next) = await page.ApplyAsync(query.OrderBy(p => p.Name).ThenBy(p => p.Id), (q, ct) => q.ToListAsync(ct), context.CancellationToken);
        var response = new ListProvidersResponse { NextPageToken = next };
        response.Providers.AddRange(items.Select(ProviderMapping.ToProto));
        return response;
    }

    public override async Task<GetProviderResponse> GetProvider(GetProviderRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var id = ProtoConvert.ToId(v, "provider_id", request.ProviderId);
        v.ThrowIfAny();
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new NotFoundException("Provider");
        return new GetProviderResponse { Provider = ProviderMapping.ToProto(provider) };
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<CreateProviderResponse> CreateProvider(CreateProviderRequest request, ServerCallContext context)
    {
        var v = new Violations();
        Text.RequestId(v, "request_id", request.RequestId);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        return await idempotency.CreateOnceAsync(request, request.RequestId,
            async () => (await registration.RegisterAsync(Guid.NewGuid(), request.Name, ProviderMapping.ToDomain(request.Kind),
                request.KvkNumber, request.AgbCode, ct)).Id,
            async id => new CreateProviderResponse { Provider = ProviderMapping.ToProto(await db.Providers.AsNoTracking().SingleAsync(p => p.Id == id, ct)) },
            ct);
    }

    public override async Task<ListAreaContractsResponse> ListAreaContracts(ListAreaContractsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        AreaIdRules.Filter(v, request.AreaId);
        var hoofdaanbieder = ProtoConvert.ToId(v, "hoofdaanbieder_id", request.HoofdaanbiederId, required: false);
        var activeOn = ProtoConvert.ToDate(v, "active_on", request.ActiveOn);
        v.ThrowIfAny();

        var query = db.AreaContracts.AsNoTracking();
        if (request.AreaId != 0)
        {
            query = query.Where(c => c.AreaId == request.AreaId);
        }
        if (hoofdaanbieder is not null)
        {
            query = query.Where(c => c.HoofdaanbiederId == hoofdaanbieder);
        }
        if (activeOn is not null)
        {
            query = query.Where(c => c.PeriodStart <= activeOn && activeOn <= c.PeriodEnd);
        }
        var ct = context.CancellationToken;
        var (items, next) = await page.ApplyAsync(query.OrderBy(c => c.AreaId).ThenBy(c => c.PeriodStart).ThenBy(c => c.Id), (q, t) => q.ToListAsync(t), ct);
        var names = await ProviderNames(items.Select(c => c.HoofdaanbiederId), ct);
        var response = new ListAreaContractsResponse { NextPageToken = next };
        response.AreaContracts.AddRange(items.Select(c => ProviderMapping.ToProto(c, names.GetValueOrDefault(c.HoofdaanbiederId, ""))));
        return response;
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<CreateAreaContractResponse> CreateAreaContract(CreateAreaContractRequest request, ServerCallContext context)
    {
        var v = new Violations();
        Text.RequestId(v, "request_id", request.RequestId);
        var hoofdaanbiederId = ProtoConvert.ToId(v, "hoofdaanbieder_id", request.HoofdaanbiederId);
        var start = ProtoConvert.ToDate(v, "period_start", request.PeriodStart);
        var end = ProtoConvert.ToDate(v, "period_end", request.PeriodEnd);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        return await idempotency.CreateOnceAsync(request, request.RequestId,
            async () =>
            {
                var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == hoofdaanbiederId, ct);
                var existing = await db.AreaContracts.AsNoTracking()
                    .Where(c => c.AreaId == request.AreaId || c.HoofdaanbiederId == hoofdaanbiederId).ToListAsync(ct);
                var contract = DomainAreaContract.Create(Guid.NewGuid(), request.AreaId, provider, start, end, existing, clock.GetUtcNow());
                db.AreaContracts.Add(contract);
                return contract.Id;
            },
            async id =>
            {
                var contract = await db.AreaContracts.AsNoTracking().SingleAsync(c => c.Id == id, ct);
                var names = await ProviderNames([contract.HoofdaanbiederId], ct);
                return new CreateAreaContractResponse { AreaContract = ProviderMapping.ToProto(contract, names.GetValueOrDefault(contract.HoofdaanbiederId, "")) };
            },
            ct);
    }

    private Task<Dictionary<Guid, string>> ProviderNames(IEnumerable<Guid> ids, CancellationToken ct) => db.ProviderNamesAsync(ids, ct);
}
