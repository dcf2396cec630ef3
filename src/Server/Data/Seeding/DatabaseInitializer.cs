using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Data.Seeding;

/// <summary>
/// Applies migrations at start-up (and puts a SQLite database in WAL mode) (EF serialises concurrent migrators of several instances with
/// a database lock) and, when "Seed:Demo" is true, adds the demo data once ("Seed:DemoHours" adds a year of hours).
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Write-ahead log (kept in the file, so once is enough): readers no longer wait for a writer nor a writer
                // for readers. With the default rollback journal every audited read's commit blocked all reads, and
                // Microsoft.Data.Sqlite waits for a busy database by sleeping on a pool thread (docs/benchmarks.md, 15.1).
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        if (configuration.GetValue("Seed:Demo", false))
        {
            await DemoSeeder.SeedAsync(services, cancellationToken);
            await DemoBudgetSeeder.SeedAsync(services, cancellationToken);
            if (configuration.GetValue("Seed:DemoHours", false))
            {
                await DemoHourSeeder.SeedAsync(services, cancellationToken);
            }
            logger.LogInformation("Demo data present");
        }
        // Migrating and seeding are one-off work with large short-lived graphs (EF's migration models, the demo data). A
        // restart on a migrated database holds ~35 MiB less than a first start; give that memory back before serving
        // instead of carrying it as committed heap (docs/benchmarks.md, issue 15.2).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
