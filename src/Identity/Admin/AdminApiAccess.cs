using GonPortal.HostContracts;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace GonPortal.Identity.Admin;

/// <summary>
/// Only a bearer token issued by this server itself, for audience gon-identity with scope gon.admin, opens the
/// admin API. OpenIddict validation with the local server checks signature, lifetime and audience; the policy
/// names its scheme only, so the login cookie of a person never counts.
/// </summary>
internal static class AdminApiAccess
{
    public const string PolicyName = "GonAdminApi";

    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(context => context.User.HasScope(AdminApiContract.Scope))
        .Build();
}
