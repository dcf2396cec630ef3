using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using Grpc.Core;
using OrganisationKind = GonPortal.Contracts.V1.OrganisationKind;

namespace GonPortal.Server.Tests.Administration;

/// <summary>
/// AdministrationService × people (the main access matrix has only machine clients, which never administer).
/// Callers: the gemeente administrator and a gemeente person who is not one, and the administrators of WIJ,
/// Stadse Zorgcombinatie and Welzijn Oost. Codes as in the main matrix; "#suffix" names what a row acts on.
/// </summary>
public static class AdministrationAccessMatrix
{
    public static readonly IReadOnlyDictionary<string, string> Callers = new Dictionary<string, string>
    {
        ["gemeente-admin"] = "beheer@gemeente.demo",
        ["gemeente-user"] = "beleid@gemeente.demo",
        ["wij-admin"] = "consulent@wij.demo",
        ["stadse-admin"] = "coordinator@stadsezorg.demo",
        ["oost-admin"] = "coordinator@oostzorg.demo",
    };

    public const string Table = """
        rpc                                              gemeente-admin gemeente-user wij-admin stadse-admin oost-admin
        CreateOrganisation                               OK PD PD PD PD
        UpdateOrganisation#new                           OK PD PD PD PD
        DeactivateOrganisation#new                       OK PD PD PD PD
        ReactivateOrganisation#new                       OK PD PD PD PD
        ListOrganisations                                OK PD PD PD PD
        GetOrganisation#stadse                           OK PD PD PD PD
        InvitePerson#own                                 OK PD OK OK OK
        InvitePerson#stadse-administrator                OK PD NF OK NF
        InvitePerson#stadse-person                       PD PD NF OK NF
        ResendInvitation#stadse-invited-administrator    OK PD NF OK NF
        ResendInvitation#stadse-invited-person           NF PD NF OK NF
        ListPeople#own                                   OK PD OK OK OK
        ListPeople#stadse                                OK PD NF OK NF
        SetAdministrator#stadse-person                   NF PD NF OK NF
        SetAdministrator#wij-person                      NF PD OK NF NF
        DeactivatePerson#stadse-person                   NF PD NF OK NF
        DeactivatePerson#wij-person                      NF PD OK NF NF
        ReactivatePerson#stadse-person                   NF PD NF OK NF
        """;

    private static readonly string Stadse = DemoData.StadseZorg.Id.ToString();
    private static readonly string Wij = DemoData.Wij.Id.ToString();

    /// <summary>Setup runs as the data's owner (an administrator of that organisation); the call runs as the cell's caller.</summary>
    public static readonly IReadOnlyDictionary<string, Func<OnboardingScenario, AdministrationService.AdministrationServiceClient, Task>> Cases =
        new Dictionary<string, Func<OnboardingScenario, AdministrationService.AdministrationServiceClient, Task>>
        {
            ["CreateOrganisation"] = async (_, c) => await c.CreateOrganisationAsync(new()
            {
                RequestId = $"test-{Guid.NewGuid():N}", Name = "Nieuwe aanbieder", Kind = OrganisationKind.Onderaannemer, KvkNumber = AccessMatrix.Scenario.FreshKvk(),
            }),
            ["UpdateOrganisation#new"] = async (s, c) =>
            {
                var organisation = await s.NewOrganisation(OrganisationKind.Wij);
                await c.UpdateOrganisationAsync(new() { OrganisationId = organisation.Id, Name = organisation.Name + " Noord", KvkNumber = organisation.KvkNumber, TwoFactorRequiredForAll = true });
            },
            ["DeactivateOrganisation#new"] = async (s, c) =>
            {
                var organisation = await s.NewOrganisation(OrganisationKind.Onderaannemer);
                await c.DeactivateOrganisationAsync(new() { OrganisationId = organisation.Id });
            },
            ["ReactivateOrganisation#new"] = async (s, c) =>
            {
                var organisation = await s.NewOrganisation(OrganisationKind.Onderaannemer);
                await (await s.As(OnboardingScenario.GemeenteAdministrator)).DeactivateOrganisationAsync(new() { OrganisationId = organisation.Id });
                await c.ReactivateOrganisationAsync(new() { OrganisationId = organisation.Id });
            },
            ["ListOrganisations"] = async (_, c) => await c.ListOrganisationsAsync(new() { PageSize = 5 }),
            ["GetOrganisation#stadse"] = async (_, c) => await c.GetOrganisationAsync(new() { OrganisationId = Stadse }),
            ["InvitePerson#own"] = async (_, c) => await c.InvitePersonAsync(Invitation("", administrator: false)),
            ["InvitePerson#stadse-administrator"] = async (_, c) => await c.InvitePersonAsync(Invitation(Stadse, administrator: true)),
            ["InvitePerson#stadse-person"] = async (_, c) => await c.InvitePersonAsync(Invitation(Stadse, administrator: false)),
            ["ResendInvitation#stadse-invited-administrator"] = async (s, c) =>
            {
                var (person, _) = await s.Invite("coordinator@stadsezorg.demo", Stadse, OnboardingScenario.FreshEmail("matrix"), administrator: true);
                await c.ResendInvitationAsync(new() { PersonId = person.Id });
            },
            ["ResendInvitation#stadse-invited-person"] = async (s, c) =>
            {
                var (person, _) = await s.Invite("coordinator@stadsezorg.demo", Stadse, OnboardingScenario.FreshEmail("matrix"), administrator: false);
                await c.ResendInvitationAsync(new() { PersonId = person.Id });
            },
            ["ListPeople#own"] = async (_, c) => await c.ListPeopleAsync(new()),
            ["ListPeople#stadse"] = async (_, c) => await c.ListPeopleAsync(new() { OrganisationId = Stadse }),
            ["SetAdministrator#stadse-person"] = async (s, c) =>
                await c.SetAdministratorAsync(new() { PersonId = (await Member(s, "coordinator@stadsezorg.demo")).Id, Administrator = true }),
            ["SetAdministrator#wij-person"] = async (s, c) =>
                await c.SetAdministratorAsync(new() { PersonId = (await Member(s, "consulent@wij.demo")).Id, Administrator = true }),
            ["DeactivatePerson#stadse-person"] = async (s, c) => await c.DeactivatePersonAsync(new() { PersonId = (await Member(s, "coordinator@stadsezorg.demo")).Id }),
            ["DeactivatePerson#wij-person"] = async (s, c) => await c.DeactivatePersonAsync(new() { PersonId = (await Member(s, "consulent@wij.demo")).Id }),
            ["ReactivatePerson#stadse-person"] = async (s, c) =>
            {
                var person = await Member(s, "coordinator@stadsezorg.demo");
                await (await s.As("coordinator@stadsezorg.demo")).DeactivatePersonAsync(new() { PersonId = person.Id });
                await c.ReactivatePersonAsync(new() { PersonId = person.Id });
            },
        };

    public static IEnumerable<(string Rpc, string Caller, string Expected)> Cells()
    {
        var lines = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var callers = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        foreach (var line in lines[1..])
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < callers.Length; i++)
            {
                yield return (parts[0], callers[i], parts[i + 1]);
            }
        }
    }

    /// <summary>A person (not an administrator) invited into the organisation by <paramref name="administrator"/>, for the cell to act on.</summary>
    private static async Task<Person> Member(OnboardingScenario s, string administrator) =>
        (await (await s.As(administrator)).InvitePersonAsync(Invitation("", administrator: false))).Person;

    private static InvitePersonRequest Invitation(string organisationId, bool administrator) => new()
    {
        RequestId = $"test-{Guid.NewGuid():N}",
        OrganisationId = organisationId,
        Email = OnboardingScenario.FreshEmail("matrix"),
        DisplayName = "Matrix Persoon",
        Administrator = administrator,
    };
}
