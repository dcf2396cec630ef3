namespace GonPortal.Identity.Seeding;

internal static class SeedingExtensions
{
    /// <summary>
    /// Seeders run in registration order: the scopes before the clients that use them, organisations before
    /// their people, the users (with their administrator flags) before the two-factor enrolment that depends
    /// on those flags.
    /// </summary>
    public static IServiceCollection AddIdentitySeeding(this IServiceCollection services)
    {
        services.AddScoped<IIdentitySeeder, ApiScopeSeeder>();
        services.AddScoped<IIdentitySeeder, PortalClientSeeder>();
        services.AddScoped<IIdentitySeeder, JobsDashboardClientSeeder>();
        services.AddScoped<IIdentitySeeder, ServerClientSeeder>();
        services.AddScoped<IIdentitySeeder, MachineClientSeeder>();
        services.AddScoped<IIdentitySeeder, DemoOrganisationSeeder>();
        services.AddScoped<IIdentitySeeder, DemoUserSeeder>();
        services.AddScoped<IIdentitySeeder, DemoAuthenticatorSeeder>();
        services.AddScoped<IIdentitySeeder, BootstrapAdministratorSeeder>();
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }
}
