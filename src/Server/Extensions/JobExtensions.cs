using GonPortal.Server.Data;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;

namespace GonPortal.Server.Extensions;

public static class JobExtensions
{
    /// <summary>
    /// Background jobs with Hangfire, stored next to the data: in memory with SQLite (one embedded
    /// instance), in the same PostgreSQL or SQL Server database otherwise (schema "hangfire"), so that
    /// several server instances share one job queue. "Jobs:Workers" sets the worker count (default 2);
    /// "Jobs:Server" false starts no worker in this instance (it still enqueues).
    /// Registered after <see cref="DataExtensions.AddGonData"/> so migrations run before any job does.
    /// </summary>
    public static IHostApplicationBuilder AddGonJobs(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Gon") ?? DatabaseOptions.DefaultSqlite;
        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (provider)
            {
                case DatabaseProvider.Postgres:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString),
                        new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
                    break;
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(connectionString,
                        new SqlServerStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
                    break;
                default:
                    config.UseInMemoryStorage();
                    break;
            }
        });
        if (builder.Configuration.GetValue("Jobs:Server", true))
        {
            builder.Services.AddHangfireServer(o =>
            {
                o.WorkerCount = builder.Configuration.GetValue("Jobs:Workers", 2);
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }
        return builder;
    }
}
