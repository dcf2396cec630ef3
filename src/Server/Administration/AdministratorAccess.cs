using GonPortal.Server.Tenancy;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace GonPortal.Server.Administration;

/// <summary>
/// Who may administer, as authorization policies named in each RPC's attribute: a person carrying the
/// administrator claim (<c>gon_admin</c>) for their own organisation's people and machine clients; a gemeente
/// administrator for organisations. Machine clients never carry the claim, so they never administer. The one
/// data-dependent rule, a gemeente administrator acting on another organisation's administrators, is
/// <see cref="IsGemeenteAdministrator"/>.
/// </summary>
public static class AdministratorAccess
{
    public const string Administrator = "GonAdministrator";
    public const string GemeenteAdministrator = "GonGemeenteAdministrator";

    public static AuthorizationBuilder AddAdministratorPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireClaim(GonClaimTypes.Administrator, GonClaimTypes.AdministratorValue))
        .AddPolicy(GemeenteAdministrator, p => p.RequireAuthenticatedUser()
            .RequireClaim(GonClaimTypes.Administrator, GonClaimTypes.AdministratorValue)
            .RequireRole(GonRoles.Gemeente));

    internal static bool IsAdministrator(ServerCallContext context) =>
        context.GetHttpContext().User.HasClaim(GonClaimTypes.Administrator, GonClaimTypes.AdministratorValue);

    /// <summary>A gemeente administrator acting on another organisation (only its administrators are theirs to see and invite).</summary>
    internal static bool IsGemeenteAdministrator(TenantContext tenant, ServerCallContext context) => tenant.IsGemeente && IsAdministrator(context);
}
