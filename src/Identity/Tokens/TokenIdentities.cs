using System.Security.Claims;
using GonPortal.Identity.Data;
using GonPortal.HostContracts;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Identity.Tokens;

/// <summary>
/// Builds the claims identities OpenIddict turns into tokens, following <see cref="GonClaimTypes"/>.
/// Users and machine clients carry the same tenant/role claims so Server authorises both alike.
/// </summary>
internal static class TokenIdentities
{
    /// <param name="isAdministrator">From <see cref="Administrators.AdministratorFlag.IsAdministratorAsync"/>, which says yes for flagged users of any organisation.</param>
    public static ClaimsIdentity ForUser(GonUser user, bool isAdministrator) => SetUserClaims(NewIdentity(), user, isAdministrator);

    /// <summary>
    /// Overwrites the user claims, e.g. on refresh, so a changed name, role or administrator flag is
    /// picked up; a revoked flag removes the claim (SetClaim with null removes it).
    /// </summary>
    public static ClaimsIdentity SetUserClaims(ClaimsIdentity identity, GonUser user, bool isAdministrator) =>
        identity.SetClaim(GonClaimTypes.Subject, user.Id)
            .SetClaim(GonClaimTypes.Name, user.DisplayName)
            .SetClaim(GonClaimTypes.Role, user.Role)
            .SetClaim(GonClaimTypes.TenantId, user.OrganisationId.ToString())
            .SetClaim(GonClaimTypes.TenantName, user.OrganisationName)
            .SetClaim(GonClaimTypes.Administrator, isAdministrator ? GonClaimTypes.AdministratorValue : null);

    /// <summary>A machine client is its own subject: sub = client_id, and it has no person name.</summary>
    public static ClaimsIdentity ForMachineClient(string clientId, MachineClientTenant tenant) =>
        NewIdentity()
            .SetClaim(GonClaimTypes.Subject, clientId)
            .SetClaim(GonClaimTypes.Role, tenant.Role)
            .SetClaim(GonClaimTypes.TenantId, tenant.TenantId.ToString())
            .SetClaim(GonClaimTypes.TenantName, tenant.TenantName);

    public static ClaimsIdentity NewIdentity(IEnumerable<Claim>? claims = null) =>
        new(claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
}
