using GonPortal.HostContracts;
using OpenIddict.Abstractions;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Registers the API scopes with their resources: OpenIddict maps granted scopes to resources, and the resources
/// become the access token's audience: gon.api → gon-server (the gRPC Server requires it), gon.admin →
/// gon-identity (Identity's own admin API requires it).
/// </summary>
internal sealed class ApiScopeSeeder(IOpenIddictScopeManager scopes) : IIdentitySeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(GonScopes.Api, "GonPortal API", GonScopes.ServerResource, cancellationToken);
        await EnsureAsync(AdminApiContract.Scope, "GonPortal administratie (Identity)", AdminApiContract.Audience, cancellationToken);
    }

    private async Task EnsureAsync(string name, string displayName, string resource, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictScopeDescriptor
        {
            Name = name,
            DisplayName = displayName,
            Resources = { resource },
        };

        var scope = await scopes.FindByNameAsync(name, cancellationToken);
        if (scope is null)
        {
            await scopes.CreateAsync(descriptor, cancellationToken);
        }
        else if (!(await scopes.GetResourcesAsync(scope, cancellationToken)).Contains(resource))
        {
            await scopes.UpdateAsync(scope, descriptor, cancellationToken);
        }
    }
}
