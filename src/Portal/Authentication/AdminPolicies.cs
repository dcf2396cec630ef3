using GonPortal.HostContracts;
using Microsoft.AspNetCore.Authorization;

namespace GonPortal.Portal.Authentication;

/// <summary>
/// Who sees the Beheer pages. The Server decides again on every call; these policies only keep pages and
/// navigation away from people who would get nothing but refusals.
/// </summary>
public static class AdminPolicies
{
    /// <summary>Administrators of any organisation (claim gon_admin = true): their own people and machine clients.</summary>
    public const string Administrator = "beheerder";

    /// <summary>Administrators of the gemeente: organisations and their administrators.</summary>
    public const string GemeenteAdministrator = "gemeente-beheerder";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Administrator, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(GonClaimTypes.Administrator, GonClaimTypes.AdministratorValue));
        options.AddPolicy(GemeenteAdministrator, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(GonClaimTypes.Administrator, GonClaimTypes.AdministratorValue)
            .RequireClaim(GonClaimTypes.Role, GonRoles.Gemeente));
    }
}
