using GonPortal.Contracts.V1;
using GonPortal.Domain.Clients;
using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Validation;
using GonPortal.HostContracts;
using GonPortal.Server.Arrangements;
using GonPortal.Server.Audit;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Grpc;
using GonPortal.Server.Idempotency;
using GonPortal.Server.Paging;
using GonPortal.Server.Providers;
using GonPortal.Server.Tenancy;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using DomainClient = GonPortal.Domain.Clients.Client;
using DomainReferral = GonPortal.Domain.Referrals.Referral;
using DomainReferralState = GonPortal.Domain.Referrals.ReferralState;

namespace GonPortal.Server.Clients;

/// <summary>
/// Clients and WIJ referrals. Who sees what is the data layer's (query filters with party clauses,
/// see ClientConfiguration.cs); the gemeente reads through
/// <see cref="CrossTenantAccess"/> (audited). Writes to another organisation's row (WIJ registering a
/// resident of a hoofdaanbieder's area, a hoofdaanbieder accepting WIJ's referral) go through
/// <see cref="PartyAccess"/> (audited); referral changes are <see cref="ReferralHandler"/>'s. The BSN is never
/// returned to an onderaannemer and never logged.
/// </summary>
[Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Onderaannemer},{GonRoles.Gemeente},{GonRoles.Wij}")]
public sealed class ClientGrpcService(GonDbContext db, TenantContext tenant, CrossTenantAccess crossTenant, PartyAccess party,
    TenantBlindLookups lookups, AreaHolding holding, IdempotentRequests idempotency, PersonalDataProtector protector, TimeProvider clock,
    ReferralHandler referrals, ReferralOutcomes outcomes, ClientAccessLog log) : ClientService.ClientServiceBase
{
    [Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Wij}")]
    public override async Task<CreateClientResponse> CreateClient(CreateClientRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        Text.RequestId(v, "request_id", request.RequestId);
        var dateOfBirth = ProtoConvert.ToDate(v, "date_of_birth", request.DateOfBirth);
        var today = AmsterdamCalendar.Today(clock);
        var owner = Areas.Exists(request.AreaId) ? await holding.ResponsibleHoofdaanbiederAsync(request.AreaId, today, ct) : null;
        var isWij = tenant.Role == GonRoles.Wij;
        var registration = new ClientRegistration(request.AreaId, request.Bsn, request.GivenNames, request.Initials, request.SurnamePrefix,
            request.Surname, dateOfBirth, request.Postcode, ClientMapping.ToDomain(request.ContactDetails), owner ?? Guid.Empty,
            isWij || owner == tenant.TenantId, today);
        DomainClient.Validate(v, registration);
        v.ThrowIfAny();
        if (owner is null)
        {
            throw new InvalidStateException($"Area {request.AreaId} has no current or future area contract, so no hoofdaanbieder can take the client.",
                ErrorReasons.AreaWithoutContract, new Dictionary<string, string> { ["area_id"] = $"{request.AreaId}" });
        }

        for (var attempt = 0; ; attempt++)
        {
            Guid? existingId = null;
            try
            {
                return await idempotency.CreateOnceAsync(request, request.RequestId,
                    async () =>
                    {
                        var existing = await lookups.ClientByBsnHashAsync(request.AreaId, protector.LookupHash(request.Bsn), ct);
                        if (existing is not null)
                        {
                            await JoinExistingAsync(existing, ct);
                            existingId = existing.Id;
                            throw new ExistingClientFound();
                        }
                        var client = DomainClient.Register(Guid.NewGuid(), registration, protector.Protect(request.Bsn), tenant.Subject, tenant.TenantId, isWij, AccessProcessSupport.Now(clock));
                        party.AllowWrite(client.TenantId, $"Client {client.Id}"); // WIJ registers in the hoofdaanbieder's records
                        db.Clients.Add(client);
                        log.Wrote(ClientResource, client.Id);
                        return client.Id;
                    },
                    async id => new CreateClientResponse { Client = await LoadProto(id, ct) },
                    ct);
            }
            catch (ExistingClientFound)
            {
                db.ChangeTracker.Clear();
                await log.ReadAsync(ClientResource, [existingId!.Value], ct); // the answer shows the registered client
                return new CreateClientResponse { Client = await LoadProto(existingId!.Value, ct), Existing = true };
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another call registered the same BSN in this area at the same moment and won the unique
                // index: look again, which finds and joins that client.
                db.ChangeTracker.Clear();
            }
        }
    }

    public override async Task<GetClientResponse> GetClient(GetClientRequest request, ServerCallContext context)
    {
        var id = AccessProcessSupport.RequireId("client_id", request.ClientId);
        var ct = context.CancellationToken;
        var source = await VisibleClients($"Client {id}", ct);
        var client = await source.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Client");
        await log.ReadAsync(ClientResource, [client.Id], ct);
        return new GetClientResponse { Client = ClientMapping.ToProto(client, ShowBsn, protector) };
    }

    public override async Task<ListClientsResponse> ListClients(ListClientsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var (order, page) = ClientListOrder.Clients.Parse(v, request.OrderBy, request.PageSize, request.PageToken);
        var ct = context.CancellationToken;
        var clients = await ListQueryAsync(v, request, order, ct);
        var (items, next) = await page.ApplyAsync(clients, (q, t) => q.ToListAsync(t), ct);
        await log.ReadAsync(ClientResource, items.Select(c => c.Id), ct);
        var response = new ListClientsResponse { NextPageToken = next };
        response.Clients.AddRange(items.Select(c => ClientMapping.ToProto(c, ShowBsn, protector)));
        return response;
    }

    /// <summary>
    /// ListClients' filters over what the caller may see, in the list's order, untracked; validated into
    /// <paramref name="v"/> (thrown with what the caller added before) ahead of any read. The table export
    /// (Exports/ExportRequestMapping) reads the same set in chunks.
    /// </summary>
    internal async Task<IQueryable<DomainClient>> ListQueryAsync(Violations v, ListClientsRequest request, OrderBy? order, CancellationToken ct)
    {
        var query = request.Query?.Trim() ?? "";
        v.Check(query.Length is 1 or > 200, "query", "must be 2-200 characters when set");
        if (!string.IsNullOrEmpty(request.Bsn))
        {
            if (!ShowBsn)
            {
                throw new PermissionDeniedException("An onderaannemer may not search by BSN.");
            }
            v.Check(!Text.IsDigits(request.Bsn, 9), "bsn", "must be 9 digits");
        }
        AreaIdRules.Filter(v, request.AreaId);
        var dateOfBirth = ProtoConvert.ToDate(v, "date_of_birth", request.DateOfBirth);
        var postcode = string.IsNullOrWhiteSpace(request.Postcode) ? null : Postcode.Normalise(request.Postcode);
        v.Check(!string.IsNullOrWhiteSpace(request.Postcode) && postcode is null, "postcode", "must be a Dutch postcode such as 9711AB");
        v.ThrowIfAny();

        var clients = (await VisibleClients("Client list", ct)).AsNoTracking();
        if (query.Length > 0)
        {
            var term = "|" + DomainClient.Fold(query);
            clients = clients.Where(c => c.SearchText.Contains(term));
        }
        if (!string.IsNullOrEmpty(request.Bsn))
        {
            var hash = protector.LookupHash(request.Bsn);
            clients = clients.Where(c => c.BsnHash == hash);
        }
        if (request.AreaId != 0)
        {
            clients = clients.Where(c => c.AreaId == request.AreaId);
        }
        if (dateOfBirth is not null)
        {
            clients = clients.Where(c => c.DateOfBirth == dateOfBirth);
        }
        if (postcode is not null)
        {
            clients = clients.Where(c => c.Postcode == postcode);
        }
        return ClientListOrder.Clients.Apply(clients, order);
    }

    [Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Wij}")]
    public override async Task<UpdateClientContactDetailsResponse> UpdateClientContactDetails(UpdateClientContactDetailsRequest request, ServerCallContext context)
    {
        var id = AccessProcessSupport.RequireId("client_id", request.ClientId);
        var ct = context.CancellationToken;
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Client");
        if (tenant.Role == GonRoles.Hoofdaanbieder && client.TenantId != tenant.TenantId)
        {
            throw new NotFoundException("Client");
        }
        client.ChangeContactDetails(ClientMapping.ToDomain(request.ContactDetails), tenant.Subject, AccessProcessSupport.Now(clock));
        party.AllowWrite(client.TenantId, $"Client {client.Id}");
        log.Wrote(ClientResource, client.Id);
        await db.SaveChangesAsync(ct);
        return new UpdateClientContactDetailsResponse { Client = ClientMapping.ToProto(client, ShowBsn, protector) };
    }

    [Authorize(Roles = GonRoles.Wij)]
    public override async Task<CreateReferralResponse> CreateReferral(CreateReferralRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        Text.RequestId(v, "request_id", request.RequestId);
        var clientId = ProtoConvert.ToId(v, "client_id", request.ClientId);
        v.ThrowIfAny();
        return await idempotency.CreateOnceAsync(request, request.RequestId,
            () => referrals.AddAsync(clientId, request.WijTeam, request.Goals.ToList(),
                request.IndicatedProducts.Select(ProtoConvert.ToDomain).ToList(), request.SelfDirected, request.Note, ct),
            async id => new CreateReferralResponse { Referral = await LoadReferralProto(id, ct) },
            ct);
    }

    [Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Gemeente},{GonRoles.Wij}")]
    public override async Task<GetReferralResponse> GetReferral(GetReferralRequest request, ServerCallContext context)
    {
        var id = AccessProcessSupport.RequireId("referral_id", request.ReferralId);
        var ct = context.CancellationToken;
        var source = await VisibleReferrals($"Referral {id}", ct);
        var referral = await source.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Referral");
        await log.ReadAsync(ReferralResource, [referral.ClientId], ct);
        return new GetReferralResponse { Referral = (await ToProto([referral], ct))[0] };
    }

    [Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Gemeente},{GonRoles.Wij}")]
    public override async Task<ListReferralsResponse> ListReferrals(ListReferralsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var (order, page) = ClientListOrder.Referrals.Parse(v, request.OrderBy, request.PageSize, request.PageToken);
        var ct = context.CancellationToken;
        var query = await ListQueryAsync(v, request, order, ct);
        var (items, next) = await page.ApplyAsync(query, (q, t) => q.ToListAsync(t), ct);
        await log.ReadAsync(ReferralResource, items.Select(r => r.ClientId), ct);
        var response = new ListReferralsResponse { NextPageToken = next };
        response.Referrals.AddRange(await ToProto(items, ct));
        return response;
    }

    /// <summary>
    /// ListReferrals' filters over what the caller may see (the gemeente's audited read), in the list's order,
    /// untracked; validated into <paramref name="v"/> (thrown with what the caller added before) ahead of any read.
    /// The table export (Exports/ExportRequestMapping) reads the same set in chunks.
    /// </summary>
    internal async Task<IQueryable<DomainReferral>> ListQueryAsync(Violations v, ListReferralsRequest request, OrderBy? order, CancellationToken ct)
    {
        var state = AccessProcessSupport.ToDomain<DomainReferralState>(request.State);
        v.Check(request.State != Contracts.V1.ReferralState.Unspecified && state is null, "state", "is not a referral state");
        AreaIdRules.Filter(v, request.AreaId);
        var clientId = ProtoConvert.ToId(v, "client_id", request.ClientId, required: false);
        v.ThrowIfAny();

        var query = (await VisibleReferrals("Referral list", ct)).AsNoTracking();
        if (state is not null)
        {
            query = query.Where(r => r.State == state);
        }
        if (request.AreaId != 0)
        {
            query = query.Where(r => r.AreaId == request.AreaId);
        }
        if (clientId is not null)
        {
            query = query.Where(r => r.ClientId == clientId);
        }
        return ClientListOrder.Referrals.Apply(query, order, ListSources.Alongside(crossTenant, db));
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<AcceptReferralResponse> AcceptReferral(AcceptReferralRequest request, ServerCallContext context)
    {
        var referral = await referrals.AcceptAsync(AccessProcessSupport.RequireId("referral_id", request.ReferralId), context.CancellationToken);
        return new AcceptReferralResponse { Referral = (await ToProto([referral], context.CancellationToken))[0] };
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<ReturnReferralResponse> ReturnReferral(ReturnReferralRequest request, ServerCallContext context)
    {
        var referral = await referrals.ReturnAsync(AccessProcessSupport.RequireId("referral_id", request.ReferralId), request.Reason, context.CancellationToken);
        return new ReturnReferralResponse { Referral = (await ToProto([referral], context.CancellationToken))[0] };
    }

    [Authorize(Roles = GonRoles.Wij)]
    public override async Task<WithdrawReferralResponse> WithdrawReferral(WithdrawReferralRequest request, ServerCallContext context)
    {
        var id = AccessProcessSupport.RequireId("referral_id", request.ReferralId);
        var ct = context.CancellationToken;
        var referral = await referrals.WithdrawAsync(id, request.Reason, ct);
        return new WithdrawReferralResponse { Referral = (await ToProto([referral], ct))[0] };
    }

    internal const string ClientResource = "Client";
    internal const string ReferralResource = "Referral";

    /// <summary>Every role but the onderaannemer gets the BSN of the clients it may see.</summary>
    internal bool ShowBsn => tenant.Role != GonRoles.Onderaannemer;

    private Task<IQueryable<DomainClient>> VisibleClients(string resource, CancellationToken ct) =>
        crossTenant.VisibleAsync<DomainClient>(resource, ct);

    private Task<IQueryable<DomainReferral>> VisibleReferrals(string resource, CancellationToken ct) =>
        crossTenant.VisibleAsync<DomainReferral>(resource, ct);

    /// <summary>WIJ registering a resident the hoofdaanbieder already registered becomes a party to the client.</summary>
    private async Task JoinExistingAsync(DomainClient existing, CancellationToken ct)
    {
        if (tenant.Role == GonRoles.Wij)
        {
            if (existing.AddWijOrganisation(tenant.TenantId))
            {
                party.AllowWrite(existing.TenantId, $"Client {existing.Id}");
                log.Wrote(ClientResource, existing.Id);
                await db.SaveChangesAsync(ct);
            }
        }
        else if (existing.TenantId != tenant.TenantId)
        {
            throw new InvalidStateException("A client with this BSN is registered in this area with another hoofdaanbieder.", ErrorReasons.BsnRegisteredElsewhere);
        }
    }

    private async Task<Contracts.V1.Client> LoadProto(Guid id, CancellationToken ct) =>
        ClientMapping.ToProto(await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Client"), ShowBsn, protector);

    private async Task<Contracts.V1.Referral> LoadReferralProto(Guid id, CancellationToken ct) =>
        (await ToProto([await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == id, ct)], ct))[0];

    private async Task<List<Contracts.V1.Referral>> ToProto(IReadOnlyList<DomainReferral> items, CancellationToken ct)
    {
        var view = await outcomes.ForAsync(items, ct);
        return items.Select(r => ClientMapping.ToProto(r, view.HoofdaanbiederNames, view.ArrangementIds[r.Id].ToList())).ToList();
    }

    /// <summary>Signals from inside the idempotent create that the BSN is already registered in the area.</summary>
    private sealed class ExistingClientFound : Exception;
}
