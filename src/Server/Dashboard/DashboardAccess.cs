using GonPortal.HostContracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace GonPortal.Server.Dashboard;

/// <summary>
/// Who may open the jobs dashboard: gemeente administrators, signed in with the browser cookie of the
/// dashboard's own schemes. The policy names only the cookie scheme, so a bearer token (the gRPC way in)
/// never opens the dashboard, and the browser schemes are never asked about anything else.
/// </summary>
public static class DashboardAccess
{
    public const string PolicyName = "GonJobsDashboard";
    public const string CookieScheme = "DashboardCookie";
    public const string OpenIdConnectScheme = "DashboardOidc";

    /// <summary>Anonymous: challenge (sign in at Identity). Signed in without both claims: forbid (403).</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder(CookieScheme)
        .RequireAuthenticatedUser()
        .RequireClaim(GonClaimTypes.Role, GonRoles.Gemeente)
        .RequireClaim(GonClaimTypes.Administrator, GonClaimTypes.AdministratorValue)
        .Build();

    public const string ForbiddenText =
        "403 Forbidden: the jobs dashboard is only for gemeente administrators. " +
        "You are signed in, but your account is not one. Sign out at " + JobsDashboardContract.Path + "/signout to use another account.";

    /// <summary>Replaces the cookie handler's redirect to an access-denied page (the Server has none) with a plain 403.</summary>
    public static Task WriteForbiddenAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(ForbiddenText);
    }
}
