using System.Net;
using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using GonPortal.Identity.Email;
using GonPortal.Identity.Pages.Account;
using GonPortal.Server.Data;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationKind = GonPortal.Contracts.V1.OrganisationKind;

namespace GonPortal.Server.Tests.Administration;

/// <summary>
/// Onboarding end to end on the real hosts: the gemeente administrator registers an organisation and invites its
/// administrator, the invitation arrives over SMTP, its link activates the account once, and the person signs in.
/// Deactivation stops people and organisations at once; validation stores nothing; every change is audited.
/// </summary>
public abstract class OnboardingFlowTests(GonHosts hosts)
{
    private readonly OnboardingScenario _scenario = new(hosts);

    [Fact]
    public async Task The_gemeente_onboards_a_hoofdaanbieder_whose_invited_administrator_activates_once_and_signs_in()
    {
        hosts.RequireAvailable();
        var gemeente = await _scenario.As(OnboardingScenario.GemeenteAdministrator);
        var organisation = await _scenario.NewOrganisation(OrganisationKind.Hoofdaanbieder, $"Zorggroep Hoogkerk {Guid.NewGuid():N}"[..30]);
        Assert.True(organisation.Active);

        // Also entered in the domain's provider register, under the same id.
        var providers = new ProviderService.ProviderServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var provider = (await providers.GetProviderAsync(new() { ProviderId = organisation.Id })).Provider;
        Assert.Equal(organisation.Name, provider.Name);

        var email = OnboardingScenario.FreshEmail("beheerder");
        var (invited, link) = await _scenario.Invite(OnboardingScenario.GemeenteAdministrator, organisation.Id, email, administrator: true);
        Assert.Equal(PersonState.Invited, invited.State);
        Assert.StartsWith(hosts.IdentityUrl.ToString(), link.ToString());
        Assert.Contains("Kies een wachtwoord", await PersonSignIn.GetPageAsync(link));

        Assert.Contains("activation-done", await PersonSignIn.ChoosePasswordAsync(link, OnboardingScenario.NewPassword));

        var tokens = await PersonSignIn.SignInAsync(hosts, email, OnboardingScenario.NewPassword);
        var me = await new ProviderService.ProviderServiceClient(PersonSignIn.Invoker(hosts, tokens.AccessToken)).GetCurrentOrganisationAsync(new());
        Assert.Equal(organisation.Id, me.OrganisationId);
        Assert.Equal(organisation.Name, me.OrganisationName);
        Assert.Equal(Role.Hoofdaanbieder, me.Role);

        // The gemeente sees who administers the organisation, now active.
        var listed = (await gemeente.GetOrganisationAsync(new() { OrganisationId = organisation.Id })).Organisation;
        var administrator = Assert.Single(listed.Administrators);
        Assert.Equal((email, PersonState.Active), (administrator.Email, administrator.State));

        // Single use: the same link again is refused and changes nothing.
        Assert.Contains(ActivateModel.InvalidText, await PersonSignIn.GetPageAsync(link));
        var again = await PersonSignIn.ChoosePasswordAsync(link, "Ander-wachtwoord-2028!");
        Assert.DoesNotContain("activation-done", again);
        Assert.Null(await PersonSignIn.TrySignInAsync(hosts, email, "Ander-wachtwoord-2028!"));
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_a_new_invitation_works()
    {
        hosts.RequireAvailable();
        var organisation = await _scenario.NewOrganisation(OrganisationKind.Wij);
        var email = OnboardingScenario.FreshEmail("verlopen");
        var (person, link) = await _scenario.Invite(OnboardingScenario.GemeenteAdministrator, organisation.Id, email, administrator: true);

        await _scenario.AgeInvitation(person.Id, TimeSpan.FromHours(73));

        Assert.Contains(ActivateModel.ExpiredText, await PersonSignIn.GetPageAsync(link));
        Assert.DoesNotContain("activation-done", await PersonSignIn.ChoosePasswordAsync(link, OnboardingScenario.NewPassword));

        var gemeente = await _scenario.As(OnboardingScenario.GemeenteAdministrator);
        var before = hosts.Mailbox.For(email, AccountEmails.InvitationSubject).Count;
        await gemeente.ResendInvitationAsync(new() { PersonId = person.Id });
        var newLink = TestMailbox.Link(await hosts.Mailbox.WaitForAsync(email, AccountEmails.InvitationSubject, before), "/Account/Activate");
        Assert.NotEqual(link, newLink);
        Assert.Contains("activation-done", await PersonSignIn.ChoosePasswordAsync(newLink, OnboardingScenario.NewPassword));
        await PersonSignIn.SignInAsync(hosts, email, OnboardingScenario.NewPassword);
    }

    [Fact]
    public async Task A_deactivated_person_loses_refresh_and_sign_in_until_reactivated()
    {
        hosts.RequireAvailable();
        const string administrator = "coordinator@stadsezorg.demo";
        var email = OnboardingScenario.FreshEmail("medewerker");
        var person = await _scenario.InviteActive(administrator, "", email, administrator: false);
        Assert.Equal(DemoData.StadseZorg.Id.ToString(), person.OrganisationId);
        var tokens = await PersonSignIn.SignInAsync(hosts, email, OnboardingScenario.NewPassword);

        var client = await _scenario.As(administrator);
        var deactivated = (await client.DeactivatePersonAsync(new() { PersonId = person.Id })).Person;
        Assert.Equal(PersonState.Deactivated, deactivated.State);

        var (status, body) = await PersonSignIn.RefreshAsync(hosts, tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Null(await PersonSignIn.TrySignInAsync(hosts, email, OnboardingScenario.NewPassword));

        await client.ReactivatePersonAsync(new() { PersonId = person.Id });
        await PersonSignIn.SignInAsync(hosts, email, OnboardingScenario.NewPassword);
    }

    [Fact]
    public async Task A_deactivated_organisation_gets_no_tokens_for_people_or_clients_until_reactivated()
    {
        hosts.RequireAvailable();
        var gemeente = await _scenario.As(OnboardingScenario.GemeenteAdministrator);
        var organisation = await _scenario.NewOrganisation(OrganisationKind.Onderaannemer);
        var email = OnboardingScenario.FreshEmail("oa-beheerder");
        await _scenario.InviteActive(OnboardingScenario.GemeenteAdministrator, organisation.Id, email, administrator: true);
        var tokens = await PersonSignIn.SignInAsync(hosts, email, OnboardingScenario.NewPassword);

        var deactivated = (await gemeente.DeactivateOrganisationAsync(new() { OrganisationId = organisation.Id })).Organisation;
        Assert.False(deactivated.Active);
        var (status, body) = await PersonSignIn.RefreshAsync(hosts, tokens.RefreshToken);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (status, body.GetProperty("error").GetString()));
        Assert.Null(await PersonSignIn.TrySignInAsync(hosts, email, OnboardingScenario.NewPassword));
        Assert.DoesNotContain((await gemeente.ListOrganisationsAsync(new() { PageSize = 500 })).Organisations, o => o.Id == organisation.Id);
        Assert.Contains((await gemeente.ListOrganisationsAsync(new() { PageSize = 500, IncludeInactive = true })).Organisations, o => o.Id == organisation.Id);

        await gemeente.ReactivateOrganisationAsync(new() { OrganisationId = organisation.Id });
        await PersonSignIn.SignInAsync(hosts, email, OnboardingScenario.NewPassword);

        // A machine client (client credentials) of a deactivated organisation is refused too; Noorderlicht is back at once.
        var noorderlicht = DemoData.Noorderlicht.Id.ToString();
        await gemeente.DeactivateOrganisationAsync(new() { OrganisationId = noorderlicht });
        try
        {
            Assert.Equal(HttpStatusCode.BadRequest, await ClientCredentialsStatus(Callers.MachineClient(Callers.OaNoorderlicht)));
        }
        finally
        {
            await gemeente.ReactivateOrganisationAsync(new() { OrganisationId = noorderlicht });
        }
        Assert.Equal(HttpStatusCode.OK, await ClientCredentialsStatus(Callers.MachineClient(Callers.OaNoorderlicht)));

        // The gemeente cannot switch itself off.
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await gemeente.DeactivateOrganisationAsync(new() { OrganisationId = DemoData.Gemeente.Id.ToString() }));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_field_names_and_nothing_is_stored()
    {
        hosts.RequireAvailable();
        var gemeente = await _scenario.As(OnboardingScenario.GemeenteAdministrator);
        var organisationsBefore = (await gemeente.ListOrganisationsAsync(new() { PageSize = 500, IncludeInactive = true })).Organisations.Count;
        var providers = new ProviderService.ProviderServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var providersBefore = (await providers.ListProvidersAsync(new() { PageSize = 500 })).Providers.Count;

        await RpcAssert.InvalidFields(async () => await gemeente.CreateOrganisationAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}", Name = "", Kind = OrganisationKind.Hoofdaanbieder, KvkNumber = "1234",
        }), "name", "kvk_number");
        // A duplicate KvK number is found by Identity's registry (here: a demo WIJ-less provider number) and passed on.
        await RpcAssert.InvalidFields(async () => await gemeente.CreateOrganisationAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}", Name = "Dubbel", Kind = OrganisationKind.Wij, KvkNumber = DemoData.StadseZorg.KvkNumber,
        }), "kvk_number");

        Assert.Equal(organisationsBefore, (await gemeente.ListOrganisationsAsync(new() { PageSize = 500, IncludeInactive = true })).Organisations.Count);
        Assert.Equal(providersBefore, (await providers.ListProvidersAsync(new() { PageSize = 500 })).Providers.Count);

        var stadse = await _scenario.As("coordinator@stadsezorg.demo");
        var peopleBefore = (await stadse.ListPeopleAsync(new())).People.Count;
        await RpcAssert.InvalidFields(async () => await stadse.InvitePersonAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}", Email = "geen-e-mailadres", DisplayName = "",
        }), "email", "display_name");
        Assert.Equal(peopleBefore, (await stadse.ListPeopleAsync(new())).People.Count);
        Assert.Equal(0, await AdminAuditCount(e => e.Resource.Contains("geen-e-mailadres", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_administrative_change_writes_one_audit_entry_naming_who_which_organisation_and_what()
    {
        hosts.RequireAvailable();
        var organisation = await _scenario.NewOrganisation(OrganisationKind.Hoofdaanbieder);
        var email = OnboardingScenario.FreshEmail("audit");
        var person = await _scenario.InviteActive(OnboardingScenario.GemeenteAdministrator, organisation.Id, email, administrator: true);
        var gemeente = await _scenario.As(OnboardingScenario.GemeenteAdministrator);
        await gemeente.UpdateOrganisationAsync(new() { OrganisationId = organisation.Id, Name = organisation.Name + " BV", KvkNumber = organisation.KvkNumber });

        var entries = await AdminAudit(e => e.Resource.Contains(organisation.Id, StringComparison.Ordinal));
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(DemoData.Gemeente.Id, e.ActorTenantId);
            Assert.Equal(GonRoles.Gemeente, e.ActorRole);
            Assert.Equal("Ilse Kramer", e.ActorName);
        });
        Assert.Single(entries, e => e.Method.EndsWith("/CreateOrganisation", StringComparison.Ordinal) && e.Resource.Contains("created", StringComparison.Ordinal));
        Assert.Single(entries, e => e.Method.EndsWith("/InvitePerson", StringComparison.Ordinal) && e.Resource.Contains($"Person {person.Id}", StringComparison.Ordinal)
            && e.Resource.Contains("administrator=True", StringComparison.Ordinal));
        Assert.Single(entries, e => e.Method.EndsWith("/UpdateOrganisation", StringComparison.Ordinal) && e.Resource.Contains(" BV", StringComparison.Ordinal));

        // The organisation's own administrator changes a person: one more entry, in their name.
        var colleague = await _scenario.InviteActive(email, "", OnboardingScenario.FreshEmail("collega"), administrator: false);
        var own = new AdministrationService.AdministrationServiceClient(
            PersonSignIn.Invoker(hosts, (await PersonSignIn.SignInAsync(hosts, email, OnboardingScenario.NewPassword)).AccessToken));
        await own.SetAdministratorAsync(new() { PersonId = colleague.Id, Administrator = true });
        var change = Assert.Single(await AdminAudit(e => e.Resource.Contains($"Person {colleague.Id}", StringComparison.Ordinal) && e.Method.EndsWith("/SetAdministrator", StringComparison.Ordinal)));
        Assert.Equal(Guid.Parse(organisation.Id), change.ActorTenantId);
        Assert.Equal(person.Id, change.ActorSubject);
        Assert.Contains("administrator=True", change.Resource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_keeps_an_active_administrator_and_nobody_deactivates_themselves()
    {
        hosts.RequireAvailable();
        var organisation = await _scenario.NewOrganisation(OrganisationKind.Onderaannemer);
        var email = OnboardingScenario.FreshEmail("enige");
        var only = await _scenario.InviteActive(OnboardingScenario.GemeenteAdministrator, organisation.Id, email, administrator: true);
        var self = new AdministrationService.AdministrationServiceClient(
            PersonSignIn.Invoker(hosts, (await PersonSignIn.SignInAsync(hosts, email, OnboardingScenario.NewPassword)).AccessToken));

        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await self.SetAdministratorAsync(new() { PersonId = only.Id, Administrator = false }));
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await self.DeactivatePersonAsync(new() { PersonId = only.Id }));
        var people = (await self.ListPeopleAsync(new())).People;
        Assert.True(Assert.Single(people).Administrator);
    }

    private async Task<HttpStatusCode> ClientCredentialsStatus(DemoMachineClient client)
    {
        using var http = new HttpClient { BaseAddress = hosts.IdentityUrl };
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = "gon.api",
        }));
        return response.StatusCode;
    }

    private async Task<List<Server.Audit.AuditEntry>> AdminAudit(Func<Server.Audit.AuditEntry, bool> match)
    {
        await using var scope = hosts.ServerServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        return (await db.AuditEntries.AsNoTracking().Where(e => e.Access == "admin").ToListAsync()).Where(match).ToList();
    }

    private async Task<int> AdminAuditCount(Func<Server.Audit.AuditEntry, bool> match) => (await AdminAudit(match)).Count;
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOnboardingFlowTests(SqliteHosts hosts) : OnboardingFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOnboardingFlowTests(PostgresHosts hosts) : OnboardingFlowTests(hosts);
