using GonPortal.Identity.Configuration;
using GonPortal.Identity.Data;
using GonPortal.Identity.Keys;
using GonPortal.HostContracts;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Identity.Extensions;

public static class OpenIddictExtensions
{
    public const string AuthorizationPath = "connect/authorize";
    public const string TokenPath = "connect/token";
    public const string EndSessionPath = "connect/endsession";
    public const string UserInfoPath = "connect/userinfo";

    /// <summary>
    /// Registers the OpenIddict server: code + PKCE and refresh tokens for the portal, client
    /// credentials for the providers' care systems (ECDs), stored in the Identity database.
    /// </summary>
    public static WebApplicationBuilder AddGonOpenIddict(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentitySettings>().BindConfiguration(IdentitySettings.SectionName);

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizationPath)
                    .SetTokenEndpointUris(TokenPath)
                    .SetEndSessionEndpointUris(EndSessionPath)
                    .SetUserInfoEndpointUris(UserInfoPath);

                server.AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();

                // "plain" PKCE protects nothing if the authorization request leaks; accept S256 only.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, Scopes.Roles, GonScopes.Api, AdminApiContract.Scope);
                server.RegisterClaims(
                    GonClaimTypes.Subject, GonClaimTypes.Name, GonClaimTypes.Role, GonClaimTypes.TenantId, GonClaimTypes.TenantName,
                    GonClaimTypes.Administrator);

                // Server validates access tokens itself with the keys published in discovery,
                // which only works for signed-but-not-encrypted JWTs.
                server.DisableAccessTokenEncryption();

                // Each endpoint is handled by our own code (Endpoints/*) after OpenIddict validated the request.
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
            })
            // The admin API's bearer tokens are this server's own: validated in-process with its keys, no discovery round trip.
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(AdminApiContract.Audience);
                validation.UseAspNetCore();
            });

        // Issuer, keys and the HTTP allowance come from configuration, read when options are built.
        builder.Services.AddOptions<OpenIddictServerOptions>()
            .Configure<IOptions<IdentitySettings>, IHostEnvironment, IServiceScopeFactory>((options, settings, environment, scopes) =>
            {
                if (!string.IsNullOrWhiteSpace(settings.Value.Issuer))
                {
                    options.Issuer = new Uri(settings.Value.Issuer, UriKind.Absolute);
                }

                ServerCredentials.Apply(options, settings.Value, environment.ContentRootPath, scopes);

                // Explicit rather than OpenIddict's default (1 hour): the Server checks access tokens on its own,
                // so their lifetime is how long a revoked client or a deactivated person can still call it.
                options.AccessTokenLifetime = TimeSpan.FromMinutes(settings.Value.Tokens.AccessTokenMinutes);
            });
        builder.Services.AddOptions<OpenIddictServerAspNetCoreOptions>()
            .Configure<IOptions<IdentitySettings>, IHostEnvironment, IServiceScopeFactory>((options, settings, environment, scopes) =>
                // OpenIddict rejects plain HTTP by default; local runs and tests have no TLS.
                options.DisableTransportSecurityRequirement = environment.IsDevelopment() || settings.Value.AllowInsecureHttp);

        return builder;
    }
}
