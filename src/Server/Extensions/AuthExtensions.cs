using GonPortal.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace GonPortal.Server.Extensions;

public static class AuthExtensions
{
    /// <summary>
    /// Validates access tokens issued by Identity ("Identity:Authority") locally with the keys from
    /// its discovery document, and only for our audience. Every endpoint requires a caller unless it
    /// opts out (health, reflection).
    /// </summary>
    public static IHostApplicationBuilder AddGonAuth(this IHostApplicationBuilder builder)
    {
        var authority = builder.Configuration["Identity:Authority"] ?? "http://localhost:5100";
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.Authority = authority;
                o.Audience = GonScopes.ServerResource;
                // Plain HTTP only for loopback development; production sets an https authority.
                o.RequireHttpsMetadata = !authority.StartsWith("http://localhost", StringComparison.Ordinal)
                    && !authority.StartsWith("http://127.0.0.1", StringComparison.Ordinal);
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = GonClaimTypes.Name;
                o.TokenValidationParameters.RoleClaimType = GonClaimTypes.Role;
                o.TokenValidationParameters.ValidateIssuer = true;
                o.TokenValidationParameters.ValidateLifetime = true;
                o.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}
