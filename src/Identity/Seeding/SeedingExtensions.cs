namespace GonPortal.Identity.Seeding;

internal static class SeedingExtensions
{
    /// <summary>
    /// Seeders run in registration order: the scope before the clients that use it, the users (with their
    /// administrator flags) before the two-factor enrolment that depends on those flags.
    /// </summary>
    public static IServiceCollection AddIdentitySeeding(this IServiceCollection services)
    {
        services.AddScoped<IIdentitySeeder, ApiScopeSeeder>();
        services.AddScoped<IIdentitySeeder, PortalClientSeeder>();
        services.AddScoped<IIdentitySeeder, JobsDashboardClientSeeder>();
        services.AddScoped<IIdentitySeeder, MachineClientSeeder>();
        services.AddScoped<IIdentitySeeder, DemoUserSeeder>();
        services.AddScoped<IIdentitySeeder, DemoAuthenticatorSeeder>();
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }
}
