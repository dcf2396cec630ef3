using GonPortal.HostContracts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace GonPortal.Server.Extensions;

public static class AuthExtensions
{
    /// <summary>
    /// Validates access tokens issued by Identity ("Identity:Authority") locally with the keys from
    /// its discovery document, and only for our audience; a validated token is remembered until it expires
    /// (<see cref="ValidatedTokenCache"/>). Every endpoint requires a caller unless it
    /// opts out (health, reflection).
    /// </summary>
    public static IHostApplicationBuilder AddGonAuth(this IHostApplicationBuilder builder)
    {
        var authority = IdentityAuthority(builder.Configuration);
        var validatedTokens = new ValidatedTokenCache(); // one per host, held by its bearer options
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.Authority = authority;
                o.Audience = GonScopes.ServerResource;
                // Plain HTTP only for loopback development; production sets an https authority.
                o.RequireHttpsMetadata = !IsLoopbackHttp(authority);
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = GonClaimTypes.Name;
                o.TokenValidationParameters.RoleClaimType = GonClaimTypes.Role;
                o.TokenValidationParameters.ValidateIssuer = true;
                o.TokenValidationParameters.ValidateLifetime = true;
                o.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                validatedTokens.Attach(o.Events);
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ErrorModel.GrpcAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>Identity's base URL ("Identity:Authority"), also used by the jobs dashboard's browser sign-in.</summary>
    public static string IdentityAuthority(IConfiguration configuration) =>
        configuration["Identity:Authority"] ?? "http://localhost:5100";

    /// <summary>Plain HTTP to Identity is accepted only on loopback (local runs, tests); anything else needs https.</summary>
    public static bool IsLoopbackHttp(string authority) =>
        authority.StartsWith("http://localhost", StringComparison.Ordinal)
        || authority.StartsWith("http://127.0.0.1", StringComparison.Ordinal);
}
