using GonPortal.Portal.Authentication;
using GonPortal.HostContracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GonPortal.Portal.Extensions;

/// <summary>Sign-in with OpenID Connect (authorization code + PKCE) at Identity, kept in a cookie.</summary>
public static class AuthenticationExtensions
{
    /// <summary>Callback path of the sign-in; Identity registers {portal}/signin-oidc as redirect URI.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>Callback path of the sign-out; Identity registers {portal}/signout-callback-oidc.</summary>
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    public static WebApplicationBuilder AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection(PortalIdentityOptions.SectionName).Get<PortalIdentityOptions>() ?? new PortalIdentityOptions();
        var authority = new Uri(identity.Authority, UriKind.Absolute);
        var plainHttpInDevelopment = builder.Environment.IsDevelopment() && authority.Scheme == Uri.UriSchemeHttp;

        // Also read by the header, which links to Identity's own pages (two-factor settings).
        builder.Services.AddOptions<PortalIdentityOptions>().BindConfiguration(PortalIdentityOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TokenRefresher>();
        builder.Services.AddScoped<UserTokenStore>();
        builder.Services.AddScoped<AccessTokenProvider>();

        builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
                options.DefaultSignOutScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            {
                options.Cookie.Name = "gon-portal-auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = CookieTokenRefresh.ValidatePrincipalAsync;
            })
            .AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.Authority = authority.ToString().TrimEnd('/');
                options.RequireHttpsMetadata = !plainHttpInDevelopment;
                options.ClientId = identity.ClientId;
                options.ClientSecret = identity.ClientSecret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                options.SaveTokens = true;
                options.CallbackPath = CallbackPath;
                options.SignedOutCallbackPath = SignedOutCallbackPath;
                options.SignedOutRedirectUri = "/";

                options.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "roles", "offline_access", GonScopes.Api })
                {
                    options.Scope.Add(scope);
                }

                // Keep the claim names of the token contract (no mapping to long WS-* URIs).
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = GonClaimTypes.Name;
                options.TokenValidationParameters.RoleClaimType = GonClaimTypes.Role;
                options.GetClaimsFromUserInfoEndpoint = true;
                options.ClaimActions.MapUniqueJsonKey(GonClaimTypes.Role, GonClaimTypes.Role);
                options.ClaimActions.MapUniqueJsonKey(GonClaimTypes.TenantId, GonClaimTypes.TenantId);
                options.ClaimActions.MapUniqueJsonKey(GonClaimTypes.TenantName, GonClaimTypes.TenantName);
                options.ClaimActions.MapUniqueJsonKey(GonClaimTypes.Administrator, GonClaimTypes.Administrator);

                if (plainHttpInDevelopment)
                {
                    // Local development over plain http: the correlation and nonce cookies cannot be Secure.
                    options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                    options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.NonceCookie.SameSite = SameSiteMode.Lax;
                }

                options.Events.OnRemoteFailure = context =>
                {
                    // E.g. the person cancelled at Identity: back to the home page with a Dutch message.
                    context.Response.Redirect("/?inlogfout=1");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });

        builder.Services.AddAuthorization(AdminPolicies.Add);
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>Maps <c>GET /account/login</c> (starts the sign-in) and <c>POST /account/logout</c>.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");

        account.MapGet("/login", (string? returnUrl) =>
            TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalPath(returnUrl) }))
            .AllowAnonymous();

        account.MapPost("/logout", ([FromForm] string? returnUrl) =>
            TypedResults.SignOut(
                new AuthenticationProperties { RedirectUri = LocalPath(returnUrl) },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));

        return endpoints;
    }

    /// <summary>Only local paths are followed after sign-in or sign-out (no open redirect).</summary>
    internal static string LocalPath(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
