using GonPortal.HostContracts;
using GonPortal.Identity.Data;
using GonPortal.Identity.Onboarding;
using GonPortal.Identity.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Identity.Extensions;

public static class IdentityDataExtensions
{
    /// <summary>Wrong passwords before an account locks; <see cref="Hardening.RateLimitSettings.LoginFailures"/> stays below it.</summary>
    public const int MaxFailedAccessAttempts = 5;

    /// <summary>
    /// Registers the Identity database (provider from <c>Database:Provider</c>), ASP.NET Core Identity
    /// on top of it, and the start-up step that migrates and seeds it.
    /// </summary>
    public static WebApplicationBuilder AddIdentityData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => IdentityDatabaseSettings.From(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));

        // All three contexts are registered but only the configured one is ever resolved: the choice
        // is made per request scope from settings, so it follows configuration supplied after this call.
        services.AddProviderContext<SqliteIdentityDb>(DatabaseProvider.Sqlite);
        services.AddProviderContext<PostgresIdentityDb>(DatabaseProvider.Postgres);
        services.AddProviderContext<SqlServerIdentityDb>(DatabaseProvider.SqlServer);
        services.AddScoped<IdentityDb>(sp => sp.GetRequiredService<IdentityDatabaseSettings>().Provider switch
        {
            DatabaseProvider.Sqlite => sp.GetRequiredService<SqliteIdentityDb>(),
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresIdentityDb>(),
            DatabaseProvider.SqlServer => sp.GetRequiredService<SqlServerIdentityDb>(),
            var other => throw new InvalidOperationException($"Unsupported provider {other}."),
        });

        services.AddIdentity<GonUser, IdentityRole>(options =>
            {
                IdentityDb.ConfigureStore(options.Stores);
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;

                // Slow down password guessing: five misses lock the account for a while. One address cannot get
                // there in a burst: LoginFailureThrottle stops it earlier (see Hardening/RateLimitSettings).
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddSignInManager<GonSignInManager>()
            .AddErrorDescriber<DutchIdentityErrors>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = ".GonPortal.Identity";
            cookie.LoginPath = "/Account/Login";
            cookie.AccessDeniedPath = "/Account/Login";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });

        services.AddOnboarding();
        services.AddIdentitySeeding();
        return builder;
    }

    private static void AddProviderContext<TContext>(this IServiceCollection services, DatabaseProvider provider)
        where TContext : IdentityDb =>
        services.AddDbContext<TContext>((sp, options) =>
            IdentityDatabase.Configure(options, provider, sp.GetRequiredService<IdentityDatabaseSettings>().ConnectionString));
}
