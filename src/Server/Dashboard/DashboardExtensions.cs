using GonPortal.Server.Dashboard;
using GonPortal.Server.Extensions;
using GonPortal.HostContracts;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GonPortal.Server.Dashboard;

public static class DashboardExtensions
{
    public const string DefaultClientSecret = "gon-jobs-dashboard-dev-secret";
    public const string SignOutPath = JobsDashboardContract.Path + "/signout";
    public const string SignedOutPath = JobsDashboardContract.Path + "/signed-out";

    /// <summary>
    /// The Hangfire dashboard for gemeente administrators, with a browser sign-in at Identity (cookie +
    /// OpenID Connect code flow with PKCE, client <see cref="JobsDashboardContract.ClientId"/>, secret
    /// "Identity:Dashboard:ClientSecret"). The schemes are added next to JwtBearer, which stays the default,
    /// so gRPC calls are authenticated exactly as before and are never redirected to a login page.
    /// </summary>
    public static IHostApplicationBuilder AddGonJobsDashboard(this IHostApplicationBuilder builder)
    {
        var authority = AuthExtensions.IdentityAuthority(builder.Configuration);
        var clientSecret = builder.Configuration["Identity:Dashboard:ClientSecret"] ?? DefaultClientSecret;

        builder.Services.AddAuthentication()
            .AddCookie(DashboardAccess.CookieScheme, o =>
            {
                o.Cookie.Name = ".GonPortal.JobsDashboard";
                // Sent only to the dashboard and its callbacks, never with anything else the Server serves.
                o.Cookie.Path = JobsDashboardContract.Path;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(1);
                o.SlidingExpiration = true;
                o.ForwardChallenge = DashboardAccess.OpenIdConnectScheme;
                o.Events.OnRedirectToAccessDenied = DashboardAccess.WriteForbiddenAsync;
            })
            .AddOpenIdConnect(DashboardAccess.OpenIdConnectScheme, o =>
            {
                o.Authority = authority.TrimEnd('/');
                o.RequireHttpsMetadata = !AuthExtensions.IsLoopbackHttp(authority);
                o.ClientId = JobsDashboardContract.ClientId;
                o.ClientSecret = clientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in a GET, which a SameSite=Lax correlation cookie survives even when
                // Identity is another site (form_post would need SameSite=None, and so https).
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.SignInScheme = DashboardAccess.CookieScheme;
                o.CallbackPath = JobsDashboardContract.CallbackPath;
                o.SignedOutCallbackPath = JobsDashboardContract.SignedOutCallbackPath;
                o.SignedOutRedirectUri = SignedOutPath;
                o.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "roles" })
                {
                    o.Scope.Add(scope);
                }

                // The identity token carries role and gon_admin (roles scope); keep the contract's claim names.
                o.GetClaimsFromUserInfoEndpoint = false;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = GonClaimTypes.Name;
                o.TokenValidationParameters.RoleClaimType = GonClaimTypes.Role;
                // Nothing calls an API with them; the cookie stays small.
                o.SaveTokens = false;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    // No id_token_hint is kept (SaveTokens off): client_id lets Identity check post_logout_redirect_uri.
                    context.ProtocolMessage.ClientId = JobsDashboardContract.ClientId;
                    return Task.CompletedTask;
                };
                o.Events.OnRemoteFailure = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    context.HandleResponse();
                    return context.Response.WriteAsync(
                        $"Sign-in at Identity failed or was cancelled. Open {JobsDashboardContract.Path} to try again.");
                };
            });

        builder.Services.AddAuthorizationBuilder().AddPolicy(DashboardAccess.PolicyName, DashboardAccess.Policy);

        // Hangfire.AspNetCore protects the dashboard's POSTs (retry, delete, trigger) with ASP.NET Core
        // antiforgery whenever IAntiforgery is registered.
        builder.Services.AddAntiforgery();
        return builder;
    }

    /// <summary>Maps the dashboard at <see cref="JobsDashboardContract.Path"/> plus its sign-out, for browsers on the HTTP/1.1 endpoint.</summary>
    public static WebApplication MapGonJobsDashboard(this WebApplication app)
    {
        AddSignOutMenuItem();

        // Authorization = []: Hangfire's default filter (local requests only) is replaced by the endpoint policy.
        app.MapHangfireDashboard(JobsDashboardContract.Path, new DashboardOptions
            {
                Authorization = [],
                DashboardTitle = "GonPortal jobs",
                AppPath = null,
            })
            .RequireAuthorization(DashboardAccess.PolicyName);

        // Anonymous, so that a signed-in non-administrator (who gets 403 on the dashboard) can switch accounts.
        app.MapGet(SignOutPath, DashboardSignOut.Confirm).AllowAnonymous();
        app.MapPost(SignOutPath, DashboardSignOut.SignOutAsync).AllowAnonymous().DisableAntiforgery();
        app.MapGet(SignedOutPath, DashboardSignOut.SignedOut).AllowAnonymous();
        return app;
    }

    private static int _menuItemAdded;

    /// <summary>Hangfire's navigation menu is process-wide; add the sign-out link once even if several hosts start (tests).</summary>
    private static void AddSignOutMenuItem()
    {
        if (Interlocked.Exchange(ref _menuItemAdded, 1) == 0)
        {
            NavigationMenu.Items.Add(page => new MenuItem("Sign out", page.Url.To("/signout")));
        }
    }
}
