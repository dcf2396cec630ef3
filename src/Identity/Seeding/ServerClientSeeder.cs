using GonPortal.HostContracts;
using GonPortal.Identity.Configuration;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Registers the Server as a client-credentials client with only the <c>gon.admin</c> scope: the one caller of
/// the admin API. Its secret follows <c>Identity:ServerClient:ClientSecret</c>; a changed secret updates the registration.
/// </summary>
internal sealed class ServerClientSeeder(IOpenIddictApplicationManager applications, IOptions<IdentitySettings> settings) : IIdentitySeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = AdminApiContract.ServerClientId,
            ClientSecret = settings.Value.ServerClient.ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "GonPortal Server (administratie)",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + AdminApiContract.Scope,
            },
        };

        var application = await applications.FindByClientIdAsync(descriptor.ClientId, cancellationToken);
        if (application is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else if (!await applications.ValidateClientSecretAsync(application, descriptor.ClientSecret, cancellationToken))
        {
            await applications.UpdateAsync(application, descriptor, cancellationToken);
        }
    }
}
