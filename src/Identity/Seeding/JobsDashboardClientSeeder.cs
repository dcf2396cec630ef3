using GonPortal.Identity.Configuration;
using GonPortal.HostContracts;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Registers the Server's jobs dashboard (Hangfire) as its own confidential client with code + PKCE and
/// implicit consent. It gets only <c>openid profile roles</c>: the roles scope carries the role and
/// administrator claims the dashboard authorises on, and without <c>gon.api</c> or <c>offline_access</c>
/// a stolen dashboard session cannot call the API or outlive the sign-in. Redirect URIs follow
/// <c>Identity:Dashboard:BaseUrl</c> (the Server's HTTP/1.1 address).
/// </summary>
internal sealed class JobsDashboardClientSeeder(IOpenIddictApplicationManager applications, IOptions<IdentitySettings> settings) : IIdentitySeeder
{
    public Task SeedAsync(CancellationToken cancellationToken) =>
        WebClientRegistration.EnsureAsync(applications, CreateDescriptor(settings.Value.Dashboard), cancellationToken);

    private static OpenIddictApplicationDescriptor CreateDescriptor(DashboardClientSettings dashboard) => new()
    {
        ClientId = JobsDashboardContract.ClientId,
        ClientSecret = dashboard.ClientSecret,
        ClientType = ClientTypes.Confidential,
        ApplicationType = ApplicationTypes.Web,
        ConsentType = ConsentTypes.Implicit,
        DisplayName = "GonPortal jobs dashboard",
        RedirectUris = { dashboard.RedirectUri },
        PostLogoutRedirectUris = { dashboard.PostLogoutRedirectUri },
        Permissions =
        {
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile,
            Permissions.Scopes.Roles,
        },
        Requirements = { Requirements.Features.ProofKeyForCodeExchange },
    };
}
