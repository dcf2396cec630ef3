using GonPortal.HostContracts;
using GonPortal.Identity.Data;
using GonPortal.Identity.Onboarding;

namespace GonPortal.Identity.Admin;

/// <summary>Organisations as the admin API shows them: with their administrators, read in one query per page.</summary>
internal sealed class AdminViews(PeopleAdministration people)
{
    public async Task<AdminOrganisation> OrganisationAsync(Organisation organisation, CancellationToken ct) =>
        (await OrganisationsAsync([organisation], ct)).Single();

    public async Task<List<AdminOrganisation>> OrganisationsAsync(IReadOnlyList<Organisation> organisations, CancellationToken ct)
    {
        var administrators = await people.AdministratorsOfAsync(organisations.Select(o => o.Id).ToList(), ct);
        return organisations.Select(o => new AdminOrganisation(
            o.Id, o.Name, o.Kind, o.KvkNumber, o.AgbCode, o.IsActive, o.DeactivatedAt, o.TwoFactorRequiredForAll, o.CreatedAt,
            administrators[o.Id])).ToList();
    }
}
