using GonPortal.Identity.Administrators;
using GonPortal.Identity.Data;
using GonPortal.HostContracts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Identity.Endpoints;

/// <summary>/connect/userinfo: the same claims as the identity token, read fresh from the user.</summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, UserManager<GonUser> users)
    {
        // OpenIddict validated the access token; this yields its principal.
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var subject = principal?.GetClaim(Claims.Subject);
        var user = subject is null ? null : await users.FindByIdAsync(subject);
        if (principal is null || user is null)
        {
            return OpenIddictResults.Challenge(Errors.InvalidToken, "The access token does not belong to a user.");
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [GonClaimTypes.Subject] = user.Id,
            [GonClaimTypes.TenantId] = user.OrganisationId.ToString(),
            [GonClaimTypes.TenantName] = user.OrganisationName,
        };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[GonClaimTypes.Name] = user.DisplayName;
        }

        if (principal.HasScope(Scopes.Roles))
        {
            claims[GonClaimTypes.Role] = user.Role;
            if (await users.IsAdministratorAsync(user))
            {
                claims[GonClaimTypes.Administrator] = GonClaimTypes.AdministratorValue;
            }
        }

        return Results.Ok(claims);
    }
}
