using GonPortal.Contracts.V1;
using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Validation;
using GonPortal.HostContracts;
using GonPortal.Server.Audit;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Grpc;
using GonPortal.Server.Idempotency;
using GonPortal.Server.Paging;
using GonPortal.Server.Tenancy;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using DomainArrangement = GonPortal.Domain.Arrangements.Arrangement;
using DomainEndReason = GonPortal.Domain.Arrangements.ArrangementEndReason;
using DomainEntryChannel = GonPortal.Domain.Arrangements.EntryChannel;
using DomainExecutorKind = GonPortal.Domain.Arrangements.ExecutorKind;
using DomainFrequency = GonPortal.Domain.Reporting.VolumeFrequency;
using DomainState = GonPortal.Domain.Arrangements.ArrangementState;
using DomainSupportType = GonPortal.Domain.Arrangements.SupportType;
using DomainTransition = GonPortal.Domain.Arrangements.ArrangementTransition;

namespace GonPortal.Server.Arrangements;

/// <summary>
/// The toegang workflow of support arrangements (state machine in arrangements.proto and
/// <see cref="DomainArrangement"/>). Visibility is the data layer's (ArrangementConfiguration: owner,
/// executing onderaannemer, referring WIJ); the gemeente reads and records beschikkingen through
/// <see cref="CrossTenantAccess"/>; WIJ's approval and rejection of the hoofdaanbieder's record go
/// through <see cref="PartyAccess"/>. Both are audited. Every change appends a transition.
/// </summary>
[Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Onderaannemer},{GonRoles.Gemeente},{GonRoles.Wij}")]
public sealed class SupportArrangementGrpcService(GonDbContext db, TenantContext tenant, CrossTenantAccess crossTenant, PartyAccess party,
    IdempotentRequests idempotency, TimeProvider clock, ArrangementAccess access, ClientAccessLog log) : SupportArrangementService.SupportArrangementServiceBase
{
    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<CreateArrangementResponse> CreateArrangement(CreateArrangementRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        Text.RequestId(v, "request_id", request.RequestId);
        var clientId = ProtoConvert.ToId(v, "client_id", request.ClientId);
        var referralId = ProtoConvert.ToId(v, "referral_id", request.ReferralId, required: false);
        var channel = AccessProcessSupport.ToDomain<DomainEntryChannel>(request.EntryChannel);
        v.ThrowIfAny();
        return await idempotency.CreateOnceAsync(request, request.RequestId,
            async () =>
            {
                var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId && c.TenantId == tenant.TenantId, ct)
                    ?? throw new NotFoundException("Client");
                var referral = referralId is null ? null : await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == referralId, ct);
                var (arrangement, transition) = DomainArrangement.Create(Guid.NewGuid(), tenant.TenantId, client.Id, client.AreaId, channel,
                    referralId, referral, Actor, AccessProcessSupport.Now(clock));
                db.Arrangements.Add(arrangement);
                db.ArrangementTransitions.Add(transition);
                log.Wrote(Resource, client.Id);
                return arrangement.Id;
            },
            async id => new CreateArrangementResponse { Arrangement = await LoadProto(id, ct) },
            ct);
    }

    public override async Task<GetArrangementResponse> GetArrangement(GetArrangementRequest request, ServerCallContext context)
    {
        var id = AccessProcessSupport.RequireId("arrangement_id", request.ArrangementId);
        var ct = context.CancellationToken;
        var source = await crossTenant.VisibleAsync<DomainArrangement>($"Arrangement {id}", ct);
        var arrangement = await source.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Arrangement");
        await log.ReadAsync(Resource, [arrangement.ClientId], ct);
        return new GetArrangementResponse { Arrangement = (await ToProto([arrangement], ct))[0] };
    }

    public override async Task<ListArrangementsResponse> ListArrangements(ListArrangementsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var (order, page) = ArrangementListOrder.Arrangements.Parse(v, request.OrderBy, request.PageSize, request.PageToken);
        var ct = context.CancellationToken;
        var query = await ListQueryAsync(v, request, order, ct);
        var (items, next) = await page.ApplyAsync(query, (q, t) => q.ToListAsync(t), ct);
        await log.ReadAsync(Resource, items.Select(a => a.ClientId), ct);
        var response = new ListArrangementsResponse { NextPageToken = next };
        response.Arrangements.AddRange(await ToProto(items, ct));
        return response;
    }

    /// <summary>
    /// ListArrangements' filters over what the caller may see, in the list's order; validated into <paramref name="v"/>
    /// (thrown with what the caller added before) ahead of any read. The table export (Exports/ExportRequestMapping)
    /// reads the same set in chunks.
    /// </summary>
    internal async Task<IQueryable<DomainArrangement>> ListQueryAsync(Violations v, ListArrangementsRequest request, OrderBy? order, CancellationToken ct)
    {
        var state = AccessProcessSupport.ToDomain<DomainState>(request.State);
        v.Check(request.State != Contracts.V1.ArrangementState.Unspecified && state is null, "state", "is not an arrangement state");
        AreaIdRules.Filter(v, request.AreaId);
        var clientId = ProtoConvert.ToId(v, "client_id", request.ClientId, required: false);
        var referralId = ProtoConvert.ToId(v, "referral_id", request.ReferralId, required: false);
        var supportType = AccessProcessSupport.ToDomain<DomainSupportType>(request.SupportType);
        v.Check(request.SupportType != Contracts.V1.SupportType.Unspecified && supportType is null, "support_type", "is not a support type");
        var product = ProtoConvert.ToDomain(request.Product);
        v.Check(request.Product != Contracts.V1.Product.Unspecified && product is null, "product", "is not a product");
        var executor = ProtoConvert.ToId(v, "executor_provider_id", request.ExecutorProviderId, required: false);
        var subcontract = ProtoConvert.ToId(v, "subcontract_id", request.SubcontractId, required: false);
        var activeOn = ProtoConvert.ToDate(v, "active_on", request.ActiveOn);
        v.ThrowIfAny();

        var query = await access.ListAsync(new ArrangementFilter(state, request.AreaId, clientId, referralId, supportType, product,
            executor, subcontract, activeOn), ct);
        return ArrangementListOrder.Arrangements.Apply(query, order, ListSources.Alongside(crossTenant, db));
    }

    /// <summary>What an executing onderaannemer does not see of an arrangement (ArrangementMapping); the export leaves it out too.</summary>
    internal bool ForOnderaannemerView => ForOnderaannemer;

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<DecideArrangementResponse> DecideArrangement(DecideArrangementRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var arrangement = await access.OwnAsync(request.ArrangementId, ct);
        var d = request.Decision ?? new ArrangementDecision();
        var v = new Violations();
        var start = ProtoConvert.ToDate(v, "decision.start_date", d.StartDate);
        var end = ProtoConvert.ToDate(v, "decision.end_date", d.EndDate);
        var terms = await ParseTerms(v, "decision.terms", d.Terms, ct);
        v.ThrowIfAny();
        var input = new DecisionInput(AccessProcessSupport.ToDomain<DomainSupportType>(d.SupportType), ProtoConvert.ToDomain(d.Product),
            ProtoConvert.ToDomain(d.Unit), terms, start, end, d.Note);
        return new DecideArrangementResponse { Arrangement = await Save(arrangement, arrangement.Decide(input, Actor, AccessProcessSupport.Now(clock)), ct) };
    }

    [Authorize(Roles = GonRoles.Wij)]
    public override async Task<ApproveArrangementResponse> ApproveArrangement(ApproveArrangementRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var arrangement = await access.ForWijAsync(request.ArrangementId, ct);
        var transition = arrangement.Approve(request.Note, Actor, AccessProcessSupport.Now(clock));
        party.AllowWrite(arrangement.TenantId, $"Arrangement {arrangement.Id}");
        return new ApproveArrangementResponse { Arrangement = await Save(arrangement, transition, ct) };
    }

    [Authorize(Roles = GonRoles.Wij)]
    public override async Task<RejectArrangementResponse> RejectArrangement(RejectArrangementRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var arrangement = await access.ForWijAsync(request.ArrangementId, ct);
        var transition = arrangement.Reject(request.Reason, Actor, AccessProcessSupport.Now(clock));
        party.AllowWrite(arrangement.TenantId, $"Arrangement {arrangement.Id}");
        return new RejectArrangementResponse { Arrangement = await Save(arrangement, transition, ct) };
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<RecordBeschikkingResponse> RecordBeschikking(RecordBeschikkingRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = AccessProcessSupport.RequireId("arrangement_id", request.ArrangementId);
        var v = new Violations();
        var decisionDate = ProtoConvert.ToDate(v, "decision_date", request.DecisionDate);
        var validFrom = ProtoConvert.ToDate(v, "valid_from", request.ValidFrom);
        var validTo = ProtoConvert.ToDate(v, "valid_to", request.ValidTo);
        v.ThrowIfAny();
        var arrangement = await access.ForGemeenteAsync(id, ct);
        var transition = arrangement.RecordBeschikking(request.BeschikkingNumber, decisionDate, validFrom, validTo,
            AmsterdamCalendar.Today(clock), Actor, AccessProcessSupport.Now(clock));
        return new RecordBeschikkingResponse { Arrangement = await Save(arrangement, transition, ct) };
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<StartArrangementResponse> StartArrangement(StartArrangementRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var arrangement = await access.OwnAsync(request.ArrangementId, ct);
        var v = new Violations();
        var start = ProtoConvert.ToDate(v, "start_date", request.StartDate);
        v.ThrowIfAny();
        return new StartArrangementResponse { Arrangement = await Save(arrangement, arrangement.Start(start, Actor, AccessProcessSupport.Now(clock)), ct) };
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<ChangeArrangementTermsResponse> ChangeArrangementTerms(ChangeArrangementTermsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var arrangement = await access.OwnAsync(request.ArrangementId, ct);
        var v = new Violations();
        var from = ProtoConvert.ToDate(v, "effective_from", request.EffectiveFrom);
        var terms = await ParseTerms(v, "terms", request.Terms, ct);
        v.ThrowIfAny();
        var transition = arrangement.ChangeTerms(from, terms, request.Note, Actor, AccessProcessSupport.Now(clock), await access.ReportedHoursAsync(arrangement.Id, ct));
        return new ChangeArrangementTermsResponse { Arrangement = await Save(arrangement, transition, ct) };
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<ChangeArrangementEndDateResponse> ChangeArrangementEndDate(ChangeArrangementEndDateRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var arrangement = await access.OwnAsync(request.ArrangementId, ct);
        var v = new Violations();
        var end = ProtoConvert.ToDate(v, "end_date", request.EndDate);
        v.ThrowIfAny();
        var transition = arrangement.ChangeEndDate(end, request.Note, Actor, AccessProcessSupport.Now(clock), await access.ReportedHoursAsync(arrangement.Id, ct));
        return new ChangeArrangementEndDateResponse { Arrangement = await Save(arrangement, transition, ct) };
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<EndArrangementResponse> EndArrangement(EndArrangementRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var arrangement = await access.OwnAsync(request.ArrangementId, ct);
        var v = new Violations();
        var end = ProtoConvert.ToDate(v, "end_date", request.EndDate);
        v.ThrowIfAny();
        var transition = arrangement.End(end, AccessProcessSupport.ToDomain<DomainEndReason>(request.Reason), request.Note, Actor, AccessProcessSupport.Now(clock),
            await access.ReportedHoursAsync(arrangement.Id, ct));
        return new EndArrangementResponse { Arrangement = await Save(arrangement, transition, ct) };
    }

    [Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Gemeente}")]
    public override async Task<CancelArrangementResponse> CancelArrangement(CancelArrangementRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var arrangement = tenant.IsGemeente
            ? await access.ForGemeenteAsync(AccessProcessSupport.RequireId("arrangement_id", request.ArrangementId), ct)
            : await access.OwnAsync(request.ArrangementId, ct);
        return new CancelArrangementResponse { Arrangement = await Save(arrangement, arrangement.Cancel(request.Reason, Actor, AccessProcessSupport.Now(clock)), ct) };
    }

    public override async Task<ListArrangementTransitionsResponse> ListArrangementTransitions(ListArrangementTransitionsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        var id = ProtoConvert.ToId(v, "arrangement_id", request.ArrangementId);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var arrangement = await (await crossTenant.VisibleAsync<DomainArrangement>($"Arrangement {id}", ct)).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("Arrangement");
        var transitions = await crossTenant.VisibleAsync<DomainTransition>($"Arrangement {id} transitions", ct);
        var (items, next) = await page.ApplyAsync(transitions.AsNoTracking().Where(t => t.ArrangementId == id).OrderBy(t => t.Sequence),
            (q, t) => q.ToListAsync(t), ct);
        var names = await Names(ArrangementMapping.ProviderIds([arrangement])
            .Concat(items.Where(t => t.Decision is not null).Select(t => t.Decision!.ExecutorProviderId)), ct);
        await log.ReadAsync(Resource, [arrangement.ClientId], ct);
        var response = new ListArrangementTransitionsResponse { NextPageToken = next };
        response.Transitions.AddRange(items.Select(t => ArrangementMapping.ToProto(t, arrangement, names, ForOnderaannemer)));
        return response;
    }

    /// <summary>What the audit trail names: an arrangement is personal data of its client.</summary>
    private const string Resource = "Arrangement";

    private Actor Actor => AccessProcessSupport.Actor(tenant);

    private bool ForOnderaannemer => tenant.Role == GonRoles.Onderaannemer;

    /// <summary>Stores the change with its transition (null: nothing changed) and returns the arrangement as the caller may see it.</summary>
    private async Task<SupportArrangement> Save(DomainArrangement arrangement, DomainTransition? transition, CancellationToken ct)
    {
        if (transition is not null)
        {
            db.ArrangementTransitions.Add(transition);
            log.Wrote(Resource, arrangement.ClientId);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
            await log.ReadAsync(Resource, [arrangement.ClientId], ct); // nothing changed, but the answer shows it
        }
        return (await ToProto([arrangement], ct))[0];
    }

    private async Task<TermsInput> ParseTerms(Violations v, string prefix, ArrangementTerms? terms, CancellationToken ct)
    {
        terms ??= new ArrangementTerms();
        var subcontractId = ProtoConvert.ToId(v, $"{prefix}.subcontract_id", terms.SubcontractId, required: false);
        var subcontract = subcontractId is null
            ? null
            : await db.Subcontracts.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subcontractId && s.TenantId == tenant.TenantId, ct);
        return new TermsInput(terms.Volume, AccessProcessSupport.ToDomain<DomainFrequency>(terms.Frequency),
            AccessProcessSupport.ToDomain<DomainExecutorKind>(terms.ExecutorKind), subcontractId, subcontract, terms.ViaInitiative, terms.InitiativeName);
    }

    private async Task<SupportArrangement> LoadProto(Guid id, CancellationToken ct) =>
        (await ToProto([await db.Arrangements.AsNoTracking().SingleAsync(a => a.Id == id, ct)], ct))[0];

    private async Task<List<SupportArrangement>> ToProto(IReadOnlyList<DomainArrangement> arrangements, CancellationToken ct)
    {
        var names = await Names(ArrangementMapping.ProviderIds(arrangements), ct);
        return arrangements.Select(a => ArrangementMapping.ToProto(a, names, ForOnderaannemer)).ToList();
    }

    private Task<Dictionary<Guid, string>> Names(IEnumerable<Guid> ids, CancellationToken ct) => db.ProviderNamesAsync(ids, ct);
}
