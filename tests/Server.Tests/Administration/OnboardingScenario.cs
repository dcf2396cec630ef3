using GonPortal.Contracts.V1;
using DemoData = GonPortal.HostContracts.DemoData;
using GonUser = GonPortal.Identity.Data.GonUser;
using GonPortal.Identity.Email;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Administration;

/// <summary>Steps the onboarding tests share: administration as a person, invitations read from the test mailbox.</summary>
public sealed class OnboardingScenario(GonHosts hosts)
{
    public const string GemeenteAdministrator = "beheer@gemeente.demo";
    public const string NewPassword = "Nieuw-wachtwoord-2028!";

    /// <summary>The person's client; a demo person signs in with the demo password, anyone else with <see cref="NewPassword"/>.</summary>
    public async Task<AdministrationService.AdministrationServiceClient> As(string email) =>
        new(await PersonSignIn.InvokerAsync(hosts, email, email.EndsWith(".demo", StringComparison.Ordinal) ? DemoData.Password : NewPassword));

    /// <summary>The person's MachineClientService client, signed in like <see cref="As"/>.</summary>
    public async Task<MachineClientService.MachineClientServiceClient> MachineClientsAs(string email) =>
        new(await PersonSignIn.InvokerAsync(hosts, email, email.EndsWith(".demo", StringComparison.Ordinal) ? DemoData.Password : NewPassword));

    /// <summary>Registers a machine client through the API as <paramref name="administrator"/>; the response carries its secret.</summary>
    public async Task<RegisterMachineClientResponse> RegisterMachineClient(string administrator, string displayName = "ECD Testsysteem") =>
        await (await MachineClientsAs(administrator)).RegisterMachineClientAsync(new() { RequestId = $"test-{Guid.NewGuid():N}", DisplayName = displayName });

    public static string FreshEmail(string label) => $"{label}-{Guid.NewGuid():N}@onboarding.test";

    public async Task<Organisation> NewOrganisation(OrganisationKind kind, string? name = null)
    {
        var gemeente = await As(GemeenteAdministrator);
        return (await gemeente.CreateOrganisationAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}",
            Name = name ?? $"Testorganisatie {Scenario.Next()}",
            Kind = kind,
            KvkNumber = Scenario.FreshKvk(),
        })).Organisation;
    }

    /// <summary>Invites through the API as <paramref name="inviter"/> and returns the person and the activation link from the e-mail.</summary>
    public async Task<(Person Person, Uri Link)> Invite(string inviter, string organisationId, string email, bool administrator)
    {
        var client = await As(inviter);
        var before = hosts.Mailbox.For(email, AccountEmails.InvitationSubject).Count;
        var person = (await client.InvitePersonAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}",
            OrganisationId = organisationId,
            Email = email,
            DisplayName = "Nieuwe Medewerker",
            Administrator = administrator,
        })).Person;
        var mail = await hosts.Mailbox.WaitForAsync(email, AccountEmails.InvitationSubject, before);
        return (person, TestMailbox.Link(mail, "/Account/Activate"));
    }

    /// <summary>Invites and activates with <see cref="NewPassword"/>: a person who can sign in.</summary>
    public async Task<Person> InviteActive(string inviter, string organisationId, string email, bool administrator)
    {
        var (person, link) = await Invite(inviter, organisationId, email, administrator);
        Assert.Contains("activation-done", await PersonSignIn.ChoosePasswordAsync(link, NewPassword));
        return person;
    }

    /// <summary>Moves the invitation back in time past its lifetime: the expiry without waiting 72 hours.</summary>
    public async Task AgeInvitation(string personId, TimeSpan by)
    {
        await using var scope = hosts.IdentityServices.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GonUser>>();
        var user = (await users.FindByIdAsync(personId))!;
        user.InvitedAt -= by;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }
}
