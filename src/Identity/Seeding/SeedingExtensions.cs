namespace GonPortal.Identity.Seeding;

internal static class SeedingExtensions
{
    /// <summary>Seeders run in registration order: the scope before the clients that use it.</summary>
    public static IServiceCollection AddIdentitySeeding(this IServiceCollection services)
    {
        services.AddScoped<IIdentitySeeder, ApiScopeSeeder>();
        services.AddScoped<IIdentitySeeder, PortalClientSeeder>();
        services.AddScoped<IIdentitySeeder, JobsDashboardClientSeeder>();
        services.AddScoped<IIdentitySeeder, MachineClientSeeder>();
        services.AddScoped<IIdentitySeeder, DemoUserSeeder>();
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }
}
