using GonPortal.HostContracts;
using OpenIddict.Abstractions;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Registers the gon.api scope with its resource: OpenIddict maps granted scopes to resources,
/// and the resources become the access token's audience (gon-server), which Server requires.
/// </summary>
internal sealed class ApiScopeSeeder(IOpenIddictScopeManager scopes) : IIdentitySeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictScopeDescriptor
        {
            Name = GonScopes.Api,
            DisplayName = "GonPortal API",
            Resources = { GonScopes.ServerResource },
        };

        var scope = await scopes.FindByNameAsync(GonScopes.Api, cancellationToken);
        if (scope is null)
        {
            await scopes.CreateAsync(descriptor, cancellationToken);
        }
        else if (!(await scopes.GetResourcesAsync(scope, cancellationToken)).Contains(GonScopes.ServerResource))
        {
            await scopes.UpdateAsync(scope, descriptor, cancellationToken);
        }
    }
}
