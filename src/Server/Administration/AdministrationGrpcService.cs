using GonPortal.Contracts.V1;
using GonPortal.Domain.Common;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Validation;
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
using static GonPortal.Server.Administration.AdministratorAccess;
using Kind = GonPortal.HostContracts.OrganisationKind;
using OrganisationKind = GonPortal.Contracts.V1.OrganisationKind;

namespace GonPortal.Server.Administration;

/// <summary>
/// Organisations and their people. The Server decides who may act (role, administrator claim, own organisation;
/// NOT_FOUND for another organisation's person) and audits every change; Identity stores who may sign in and is
/// reached through <see cref="IdentityAdminClient"/>. A change is audited only after Identity accepted it, in the
/// Server's own SaveChanges; creates use request_id idempotency with an id derived from it, so a retry after a lost
/// answer finds Identity's row instead of creating a second one.
/// </summary>
[Authorize(Roles = GonRoles.AnyRole)]
public sealed class AdministrationGrpcService(
    GonDbContext db,
    TenantContext tenant,
    CallInfo call,
    IdempotentRequests idempotency,
    ProviderRegistration providers,
    IdentityAdminClient identity,
    TimeProvider clock) : AdministrationService.AdministrationServiceBase
{
    private const string AuditAccess = "admin";

    [Authorize(Policy = AdministratorAccess.GemeenteAdministrator)]
    public override async Task<CreateOrganisationResponse> CreateOrganisation(CreateOrganisationRequest request, ServerCallContext context)
    {
        var v = new Violations();
        Text.RequestId(v, "request_id", request.RequestId);
        var kind = AdministrationMapping.ToHost(request.Kind);
        v.Check(kind is null or Kind.Gemeente, "kind", "must be ORGANISATION_KIND_HOOFDAANBIEDER, ORGANISATION_KIND_ONDERAANNEMER or ORGANISATION_KIND_WIJ");
        OrganisationFields(v, request.Name, request.KvkNumber, request.AgbCode);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await idempotency.CreateOnceAsync(request, request.RequestId,
            async () =>
            {
                var id = DerivedId(request.RequestId);
                if (kind is Kind.Hoofdaanbieder or Kind.Onderaannemer)
                {
                    // The domain register too, through the path CreateProvider uses; saved only if Identity accepts.
                    await providers.RegisterAsync(id, request.Name, kind == Kind.Hoofdaanbieder ? ProviderKind.Hoofdaanbieder : ProviderKind.Onderaannemer,
                        request.KvkNumber, request.AgbCode, ct);
                }
                var created = await identity.CreateOrganisationAsync(
                    new(id, kind!.Value, request.Name, request.KvkNumber, request.AgbCode, request.TwoFactorRequiredForAll), ct);
                Audit(created.Id, $"Organisation {created.Id} created: kind={created.Kind}, name={created.Name}, kvk={created.KvkNumber}, " +
                    $"two_factor_required_for_all={created.TwoFactorRequiredForAll}");
                return created.Id;
            },
            async id => new CreateOrganisationResponse { Organisation = AdministrationMapping.ToProto(await identity.GetOrganisationAsync(id, ct)) },
            ct);
    }

    [Authorize(Policy = AdministratorAccess.GemeenteAdministrator)]
    public override async Task<UpdateOrganisationResponse> UpdateOrganisation(UpdateOrganisationRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var id = ProtoConvert.ToId(v, "organisation_id", request.OrganisationId);
        OrganisationFields(v, request.Name, request.KvkNumber, request.AgbCode);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        // The provider register keeps its own name (GetCurrentOrganisation, ListProviders show it); saved only if Identity accepts.
        await providers.UpdateAsync(id!.Value, request.Name, request.KvkNumber, request.AgbCode, ct);
        var updated = await identity.UpdateOrganisationAsync(id.Value,
            new(request.Name, request.KvkNumber, request.AgbCode, request.TwoFactorRequiredForAll), ct);
        Audit(updated.Id, $"Organisation {updated.Id} updated: name={updated.Name}, kvk={updated.KvkNumber}, agb={updated.AgbCode}, " +
            $"two_factor_required_for_all={updated.TwoFactorRequiredForAll}");
        await db.SaveChangesAsync(ct);
        return new UpdateOrganisationResponse { Organisation = AdministrationMapping.ToProto(updated) };
    }

    [Authorize(Policy = AdministratorAccess.GemeenteAdministrator)]
    public override async Task<DeactivateOrganisationResponse> DeactivateOrganisation(DeactivateOrganisationRequest request, ServerCallContext context)
    {
        var id = RequiredId("organisation_id", request.OrganisationId);
        if (id == tenant.TenantId)
        {
            throw new InvalidStateException("The gemeente cannot deactivate itself.", ErrorReasons.SelfDeactivation);
        }
        var organisation = await identity.DeactivateOrganisationAsync(id, context.CancellationToken);
        Audit(id, $"Organisation {id} deactivated");
        await db.SaveChangesAsync(context.CancellationToken);
        return new DeactivateOrganisationResponse { Organisation = AdministrationMapping.ToProto(organisation) };
    }

    [Authorize(Policy = AdministratorAccess.GemeenteAdministrator)]
    public override async Task<ReactivateOrganisationResponse> ReactivateOrganisation(ReactivateOrganisationRequest request, ServerCallContext context)
    {
        var id = RequiredId("organisation_id", request.OrganisationId);
        var organisation = await identity.ReactivateOrganisationAsync(id, context.CancellationToken);
        Audit(id, $"Organisation {id} reactivated");
        await db.SaveChangesAsync(context.CancellationToken);
        return new ReactivateOrganisationResponse { Organisation = AdministrationMapping.ToProto(organisation) };
    }

    [Authorize(Policy = AdministratorAccess.GemeenteAdministrator)]
    public override async Task<ListOrganisationsResponse> ListOrganisations(ListOrganisationsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        var kind = AdministrationMapping.ToHost(request.Kind);
        v.Check(request.Kind != OrganisationKind.Unspecified && kind is null, "kind", "must be unset or a known kind");
        v.ThrowIfAny();
        var fetched = await identity.ListOrganisationsAsync(kind, request.IncludeInactive, page.Offset, page.Size + 1, context.CancellationToken);
        var (items, next) = page.Slice(fetched);
        var response = new ListOrganisationsResponse { NextPageToken = next };
        response.Organisations.AddRange(items.Select(AdministrationMapping.ToProto));
        return response;
    }

    [Authorize(Policy = AdministratorAccess.GemeenteAdministrator)]
    public override async Task<GetOrganisationResponse> GetOrganisation(GetOrganisationRequest request, ServerCallContext context)
    {
        var id = RequiredId("organisation_id", request.OrganisationId);
        return new GetOrganisationResponse { Organisation = AdministrationMapping.ToProto(await identity.GetOrganisationAsync(id, context.CancellationToken)) };
    }

    [Authorize(Policy = AdministratorAccess.Administrator)]
    public override async Task<InvitePersonResponse> InvitePerson(InvitePersonRequest request, ServerCallContext context)
    {
        var v = new Violations();
        Text.RequestId(v, "request_id", request.RequestId);
        var organisationId = ProtoConvert.ToId(v, "organisation_id", request.OrganisationId, required: false) ?? tenant.TenantId;
        v.ThrowIfAny();
        if (organisationId != tenant.TenantId)
        {
            // Only the gemeente reaches into another organisation, and only to give it an administrator.
            if (!IsGemeenteAdministrator(tenant, context))
            {
                throw new NotFoundException("Organisation");
            }
            if (!request.Administrator)
            {
                throw new PermissionDeniedException("A gemeente administrator may invite only administrators into another organisation.");
            }
        }
        var ct = context.CancellationToken;
        return await idempotency.CreateOnceAsync(request, request.RequestId,
            async () =>
            {
                var person = await identity.InvitePersonAsync(organisationId,
                    new(DerivedId(request.RequestId), request.Email, request.DisplayName, request.Administrator), ct);
                Audit(organisationId, $"Person {person.Id} invited to organisation {organisationId}: email={person.Email}, administrator={person.Administrator}");
                return Guid.Parse(person.Id);
            },
            async id => new InvitePersonResponse { Person = AdministrationMapping.ToProto(await identity.GetPersonAsync(id, ct)) },
            ct);
    }

    [Authorize(Policy = AdministratorAccess.Administrator)]
    public override async Task<ResendInvitationResponse> ResendInvitation(ResendInvitationRequest request, ServerCallContext context)
    {
        var person = await PersonInReachAsync(request.PersonId, context, gemeenteMayActOnAdministrators: true);
        var ct = context.CancellationToken;
        var resent = await identity.ResendInvitationAsync(Guid.Parse(person.Id), ct);
        Audit(person.OrganisationId, $"Person {person.Id} of organisation {person.OrganisationId}: invitation sent again");
        await db.SaveChangesAsync(ct);
        return new ResendInvitationResponse { Person = AdministrationMapping.ToProto(resent) };
    }

    [Authorize(Policy = AdministratorAccess.Administrator)]
    public override async Task<ListPeopleResponse> ListPeople(ListPeopleRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var organisationId = ProtoConvert.ToId(v, "organisation_id", request.OrganisationId, required: false) ?? tenant.TenantId;
        v.ThrowIfAny();
        var own = organisationId == tenant.TenantId;
        if (!own && !IsGemeenteAdministrator(tenant, context))
        {
            throw new NotFoundException("Organisation");
        }
        var people = await identity.ListPeopleAsync(organisationId, administratorsOnly: !own, context.CancellationToken);
        var response = new ListPeopleResponse();
        response.People.AddRange(people.Select(AdministrationMapping.ToProto));
        return response;
    }

    [Authorize(Policy = AdministratorAccess.Administrator)]
    public override async Task<SetAdministratorResponse> SetAdministrator(SetAdministratorRequest request, ServerCallContext context)
    {
        var person = await PersonInReachAsync(request.PersonId, context, gemeenteMayActOnAdministrators: false);
        var ct = context.CancellationToken;
        var changed = await identity.SetAdministratorAsync(Guid.Parse(person.Id), request.Administrator, ct);
        Audit(person.OrganisationId, $"Person {person.Id} of organisation {person.OrganisationId}: administrator={request.Administrator}");
        await db.SaveChangesAsync(ct);
        return new SetAdministratorResponse { Person = AdministrationMapping.ToProto(changed) };
    }

    [Authorize(Policy = AdministratorAccess.Administrator)]
    public override async Task<DeactivatePersonResponse> DeactivatePerson(DeactivatePersonRequest request, ServerCallContext context)
    {
        var person = await PersonInReachAsync(request.PersonId, context, gemeenteMayActOnAdministrators: false);
        if (person.Id == tenant.Subject)
        {
            throw new InvalidStateException("You cannot deactivate yourself; ask another administrator.", ErrorReasons.SelfDeactivation);
        }
        var ct = context.CancellationToken;
        var changed = await identity.DeactivatePersonAsync(Guid.Parse(person.Id), ct);
        Audit(person.OrganisationId, $"Person {person.Id} of organisation {person.OrganisationId}: deactivated");
        await db.SaveChangesAsync(ct);
        return new DeactivatePersonResponse { Person = AdministrationMapping.ToProto(changed) };
    }

    [Authorize(Policy = AdministratorAccess.Administrator)]
    public override async Task<ReactivatePersonResponse> ReactivatePerson(ReactivatePersonRequest request, ServerCallContext context)
    {
        var person = await PersonInReachAsync(request.PersonId, context, gemeenteMayActOnAdministrators: false);
        var ct = context.CancellationToken;
        var changed = await identity.ReactivatePersonAsync(Guid.Parse(person.Id), ct);
        Audit(person.OrganisationId, $"Person {person.Id} of organisation {person.OrganisationId}: reactivated");
        await db.SaveChangesAsync(ct);
        return new ReactivatePersonResponse { Person = AdministrationMapping.ToProto(changed) };
    }

    /// <summary>
    /// A person of the caller's own organisation; NOT_FOUND for anyone else's, as if they did not exist. The one
    /// exception: a gemeente administrator re-inviting another organisation's invited administrator, whom
    /// ListPeople already shows them.
    /// </summary>
    private async Task<AdminPerson> PersonInReachAsync(string personId, ServerCallContext context, bool gemeenteMayActOnAdministrators)
    {
        var id = RequiredId("person_id", personId);
        var person = await identity.GetPersonAsync(id, context.CancellationToken);
        var inReach = person.OrganisationId == tenant.TenantId
            || (gemeenteMayActOnAdministrators && person.Administrator && IsGemeenteAdministrator(tenant, context));
        return inReach ? person : throw new NotFoundException("Person");
    }

    private static void OrganisationFields(Violations v, string name, string kvk, string agb)
    {
        Text.Required(v, "name", name, 2, 200);
        v.Check(!KvkNumber.IsValid(kvk), "kvk_number", "must be exactly 8 digits");
        v.Check(!string.IsNullOrEmpty(agb) && !AgbCode.IsValid(agb), "agb_code", "must be empty or exactly 8 digits");
    }

    private static Guid RequiredId(string field, string value)
    {
        var v = new Violations();
        var id = ProtoConvert.ToId(v, field, value);
        v.ThrowIfAny();
        return id!.Value;
    }

    /// <summary>One audit entry per change: who (the caller), which organisation and what, in the resource text.</summary>
    private void Audit(Guid organisationId, string change) =>
        db.AuditEntries.Add(AuditRecord.For(tenant, call, clock.GetUtcNow(), $"{change} [organisation {organisationId}]", AuditAccess));

    private Guid DerivedId(string requestId) => DerivedIds.For(tenant, call, requestId);
}
