using GonPortal.Contracts.V1;
using GonPortal.Portal.Administration;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    public Task<ServerResult<IReadOnlyList<OrganisationAdminView>>> ListOrganisationsAsync(OrganisationKind kind, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<OrganisationAdminView>>(nameof(AdministrationService.AdministrationServiceClient.ListOrganisations), async options =>
        {
            var all = new List<OrganisationAdminView>();
            var token = string.Empty;
            do
            {
                var response = await administration.ListOrganisationsAsync(
                    new ListOrganisationsRequest { Kind = kind, IncludeInactive = true, PageSize = 500, PageToken = token }, options);
                all.AddRange(response.Organisations.Select(ToView));
                token = response.NextPageToken;
            }
            while (!string.IsNullOrEmpty(token));
            return all;
        }, cancellationToken);

    public Task<ServerResult<OrganisationAdminView>> GetOrganisationAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(AdministrationService.AdministrationServiceClient.GetOrganisation), async options =>
            ToView((await administration.GetOrganisationAsync(new GetOrganisationRequest { OrganisationId = id }, options)).Organisation),
            cancellationToken);

    public Task<ServerResult<OrganisationAdminView>> CreateOrganisationAsync(OrganisationInput input, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(AdministrationService.AdministrationServiceClient.CreateOrganisation), async options =>
            ToView((await administration.CreateOrganisationAsync(new CreateOrganisationRequest
            {
                RequestId = input.RequestId,
                Name = (input.Name ?? "").Trim(),
                Kind = input.Kind,
                KvkNumber = RegistryNumber.Normalise(input.KvkNumber),
                AgbCode = RegistryNumber.Normalise(input.AgbCode),
                TwoFactorRequiredForAll = input.TwoFactorRequiredForAll,
            }, options)).Organisation),
            cancellationToken);

    public Task<ServerResult<OrganisationAdminView>> UpdateOrganisationAsync(string id, OrganisationInput input, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(AdministrationService.AdministrationServiceClient.UpdateOrganisation), async options =>
            ToView((await administration.UpdateOrganisationAsync(new UpdateOrganisationRequest
            {
                OrganisationId = id,
                Name = (input.Name ?? "").Trim(),
                KvkNumber = RegistryNumber.Normalise(input.KvkNumber),
                AgbCode = RegistryNumber.Normalise(input.AgbCode),
                TwoFactorRequiredForAll = input.TwoFactorRequiredForAll,
            }, options)).Organisation),
            cancellationToken);

    public Task<ServerResult<OrganisationAdminView>> SetOrganisationActiveAsync(string id, bool active, CancellationToken cancellationToken = default) =>
        active
            ? CallAsync(nameof(AdministrationService.AdministrationServiceClient.ReactivateOrganisation), async options =>
                ToView((await administration.ReactivateOrganisationAsync(new ReactivateOrganisationRequest { OrganisationId = id }, options)).Organisation),
                cancellationToken)
            : CallAsync(nameof(AdministrationService.AdministrationServiceClient.DeactivateOrganisation), async options =>
                ToView((await administration.DeactivateOrganisationAsync(new DeactivateOrganisationRequest { OrganisationId = id }, options)).Organisation),
                cancellationToken);

    /// <summary>The people of an organisation; null or empty means the caller's own.</summary>
    public Task<ServerResult<IReadOnlyList<PersonView>>> ListPeopleAsync(string? organisationId = null, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<PersonView>>(nameof(AdministrationService.AdministrationServiceClient.ListPeople), async options =>
            (await administration.ListPeopleAsync(new ListPeopleRequest { OrganisationId = organisationId ?? "" }, options)).People.Select(ToView).ToList(),
            cancellationToken);

    /// <summary>Invites into an organisation; null means the caller's own.</summary>
    public Task<ServerResult<PersonView>> InvitePersonAsync(string? organisationId, InvitationInput input, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(AdministrationService.AdministrationServiceClient.InvitePerson), async options =>
            ToView((await administration.InvitePersonAsync(new InvitePersonRequest
            {
                RequestId = input.RequestId,
                OrganisationId = organisationId ?? "",
                DisplayName = (input.DisplayName ?? "").Trim(),
                Email = (input.Email ?? "").Trim(),
                Administrator = input.Administrator,
            }, options)).Person),
            cancellationToken);

    public Task<ServerResult<PersonView>> ResendInvitationAsync(string personId, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(AdministrationService.AdministrationServiceClient.ResendInvitation), async options =>
            ToView((await administration.ResendInvitationAsync(new ResendInvitationRequest { PersonId = personId }, options)).Person),
            cancellationToken);

    public Task<ServerResult<PersonView>> SetAdministratorAsync(string personId, bool administrator, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(AdministrationService.AdministrationServiceClient.SetAdministrator), async options =>
            ToView((await administration.SetAdministratorAsync(new SetAdministratorRequest { PersonId = personId, Administrator = administrator }, options)).Person),
            cancellationToken);

    public Task<ServerResult<PersonView>> SetPersonActiveAsync(string personId, bool active, CancellationToken cancellationToken = default) =>
        active
            ? CallAsync(nameof(AdministrationService.AdministrationServiceClient.ReactivatePerson), async options =>
                ToView((await administration.ReactivatePersonAsync(new ReactivatePersonRequest { PersonId = personId }, options)).Person),
                cancellationToken)
            : CallAsync(nameof(AdministrationService.AdministrationServiceClient.DeactivatePerson), async options =>
                ToView((await administration.DeactivatePersonAsync(new DeactivatePersonRequest { PersonId = personId }, options)).Person),
                cancellationToken);

    /// <summary>The area contracts of one hoofdaanbieder, oldest first.</summary>
    public Task<ServerResult<IReadOnlyList<AreaContractView>>> ListAreaContractsOfAsync(string hoofdaanbiederId, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<AreaContractView>>(nameof(ProviderService.ProviderServiceClient.ListAreaContracts), async options =>
            (await providers.ListAreaContractsAsync(new ListAreaContractsRequest { HoofdaanbiederId = hoofdaanbiederId, PageSize = 500 }, options)).AreaContracts
                .Select(c => new AreaContractView(c.Id, c.AreaId, c.HoofdaanbiederName, ToDateOnly(c.PeriodStart), ToDateOnly(c.PeriodEnd)))
                .OrderBy(c => c.PeriodStart).ThenBy(c => c.AreaId)
                .ToList(),
            cancellationToken);

    public Task<ServerResult<AreaContractView>> CreateAreaContractAsync(string hoofdaanbiederId, AreaContractInput input, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ProviderService.ProviderServiceClient.CreateAreaContract), async options =>
        {
            var c = (await providers.CreateAreaContractAsync(new CreateAreaContractRequest
            {
                RequestId = input.RequestId,
                AreaId = input.AreaId,
                HoofdaanbiederId = hoofdaanbiederId,
                PeriodStart = ToProtoDate(input.PeriodStart),
                PeriodEnd = ToProtoDate(input.PeriodEnd),
            }, options)).AreaContract;
            return new AreaContractView(c.Id, c.AreaId, c.HoofdaanbiederName, ToDateOnly(c.PeriodStart), ToDateOnly(c.PeriodEnd));
        }, cancellationToken);

    private static OrganisationAdminView ToView(Organisation o) => new(
        o.Id, o.Name, o.Kind, o.KvkNumber, o.AgbCode, o.Active, ToDateTime(o.DeactivatedAt), o.TwoFactorRequiredForAll,
        ToDateTime(o.CreatedAt), o.Administrators.Select(ToView).ToList());

    private static PersonView ToView(Person p) => new(
        p.Id, p.Email, p.DisplayName, p.Administrator, p.State, ToDateTime(p.InvitedAt), ToDateTime(p.ActivatedAt), p.TwoFactorEnabled);
}
