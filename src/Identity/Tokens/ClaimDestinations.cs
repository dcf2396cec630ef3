using System.Security.Claims;
using GonPortal.HostContracts;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Identity.Tokens;

/// <summary>
/// Decides which token each claim goes into; OpenIddict drops claims without a destination.
/// Access token: everything in the contract, because Server authorises on it.
/// Identity token: tenant always (the portal cannot work without it), name and role only
/// when the profile / roles scopes were granted, as OpenID Connect prescribes. The administrator
/// flag is role-like, so it follows the roles scope too.
/// </summary>
internal static class ClaimDestinations
{
    public static ClaimsIdentity Apply(ClaimsIdentity identity) => identity.SetDestinations(For);

    private static IEnumerable<string> For(Claim claim) => claim.Type switch
    {
        GonClaimTypes.Subject or GonClaimTypes.TenantId or GonClaimTypes.TenantName
            => [Destinations.AccessToken, Destinations.IdentityToken],
        GonClaimTypes.Name => WithIdentityTokenIf(claim.Subject?.HasScope(Scopes.Profile) == true),
        GonClaimTypes.Role or GonClaimTypes.Administrator => WithIdentityTokenIf(claim.Subject?.HasScope(Scopes.Roles) == true),

        // Anything else (e.g. Identity's security stamp, should it ever be copied in) stays server-side.
        _ => [],
    };

    private static string[] WithIdentityTokenIf(bool condition) =>
        condition ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken];
}
