using GonPortal.Identity.Onboarding;
using GonPortal.HostContracts;
using OpenIddict.Abstractions;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Registers one client-credentials application per demo organisation (its care system, ECD, or its own
/// system) through <see cref="MachineClientAdministration"/>, the same path an organisation's administrator
/// uses, but with the documented fixed client id and secret.
/// </summary>
internal sealed class MachineClientSeeder(IOpenIddictApplicationManager applications, MachineClientAdministration machineClients) : IIdentitySeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var client in DemoData.MachineClients)
        {
            if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is not null)
            {
                continue;
            }

            var organisation = DemoData.Organisation(client.OrganisationId);
            var result = await machineClients.RegisterAsync(
                new MachineClientOrganisation(organisation.Id, organisation.Name, organisation.Role),
                client.DisplayName, client.ClientId, client.ClientSecret, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Demo client {client.ClientId} could not be registered: {string.Join("; ", result.Violations.Select(v => v.Description))}");
            }
        }
    }
}
