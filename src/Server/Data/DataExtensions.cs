using GonPortal.Server.Data;
using GonPortal.Server.Data.Seeding;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Data;

public static class DataExtensions
{
    /// <summary>
    /// Registers the DbContext for the configured provider ("Database:Provider": Sqlite (default),
    /// Postgres or SqlServer; connection string "ConnectionStrings:Gon"), each with its own migrations.
    /// </summary>
    public static IHostApplicationBuilder AddGonData(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Gon") ?? DatabaseOptions.DefaultSqlite;
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(connectionString);
        }
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                AddLeased<SqliteGonDb>(builder.Services, provider, connectionString);
                break;
            case DatabaseProvider.Postgres:
                AddLeased<PostgresGonDb>(builder.Services, provider, connectionString);
                break;
            case DatabaseProvider.SqlServer:
                AddLeased<SqlServerGonDb>(builder.Services, provider, connectionString);
                break;
        }
        builder.Services.AddSingleton(Clock.ShiftedTimeProvider.From(builder.Configuration));
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    /// <summary>
    /// Contexts come from a pool (building one costs more than a short read), leased per DI scope: the
    /// scoped <see cref="GonDbContext"/> is bound to that scope's <see cref="TenantContext"/>, and disposing
    /// the scope returns it to the pool, which makes it forget the tenant (see <see cref="GonDbContext"/>).
    /// </summary>
    private static void AddLeased<TContext>(IServiceCollection services, DatabaseProvider provider, string connectionString)
        where TContext : GonDbContext
    {
        services.AddPooledDbContextFactory<TContext>(o => DatabaseOptions.Use(o, provider, connectionString));
        services.AddScoped<GonDbContext>(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            db.LeaseTo(sp.GetRequiredService<TenantContext>());
            return db;
        });
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
