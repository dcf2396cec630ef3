using GonPortal.Identity.Tokens;
using GonPortal.HostContracts;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Registers one client-credentials application per demo provider (its care system, ECD).
/// The organisation it acts for is stored in the application's properties (see
/// <see cref="MachineClientTenant"/>) and becomes the tenant and role claims of its tokens.
/// </summary>
internal sealed class MachineClientSeeder(IOpenIddictApplicationManager applications) : IIdentitySeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var client in DemoData.MachineClients)
        {
            if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is not null)
            {
                continue;
            }

            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = client.ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = client.DisplayName,
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.ClientCredentials,
                    Permissions.Prefixes.Scope + GonScopes.Api,
                },
            };
            MachineClientTenant.For(DemoData.Organisation(client.OrganisationId)).WriteTo(descriptor);
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }
}
