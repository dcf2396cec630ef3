using GonPortal.Identity.Configuration;
using GonPortal.HostContracts;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Registers the web portal: a confidential, first-party client (implicit consent) using the
/// authorization code flow with PKCE and refresh tokens. Redirect URIs follow
/// <c>Identity:Portal:BaseUrl</c> and the secret <c>Identity:Portal:ClientSecret</c>; when either
/// changed since the last start (e.g. a test picked a random port) the registration is updated.
/// </summary>
internal sealed class PortalClientSeeder(IOpenIddictApplicationManager applications, IOptions<IdentitySettings> settings) : IIdentitySeeder
{
    public Task SeedAsync(CancellationToken cancellationToken) =>
        WebClientRegistration.EnsureAsync(applications, CreateDescriptor(settings.Value.Portal), cancellationToken);

    private static OpenIddictApplicationDescriptor CreateDescriptor(PortalClientSettings portal) => new()
    {
        ClientId = GonScopes.PortalClientId,
        ClientSecret = portal.ClientSecret,
        ClientType = ClientTypes.Confidential,
        ApplicationType = ApplicationTypes.Web,
        ConsentType = ConsentTypes.Implicit,
        DisplayName = "GonPortal",
        RedirectUris = { portal.RedirectUri },
        PostLogoutRedirectUris = { portal.PostLogoutRedirectUri },
        Permissions =
        {
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile,
            Permissions.Scopes.Roles,
            Permissions.Prefixes.Scope + GonScopes.Api,
        },
        Requirements = { Requirements.Features.ProofKeyForCodeExchange },
    };
}
