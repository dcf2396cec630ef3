using GonPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Migrates and seeds the database at start-up. A hosted service registered by the app starts
/// before Kestrel accepts requests, so nobody (a test included) sees a half-initialised database.
/// </summary>
internal sealed class DatabaseInitializer(IServiceScopeFactory scopeFactory, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<IdentityDatabaseSettings>();
        logger.LogInformation("Migrating the identity database ({Provider})", settings.Provider);
        await scope.ServiceProvider.GetRequiredService<IdentityDb>().Database.MigrateAsync(cancellationToken);

        foreach (var seeder in scope.ServiceProvider.GetServices<IIdentitySeeder>())
        {
            await seeder.SeedAsync(cancellationToken);
        }

        logger.LogInformation("Identity database ready");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
