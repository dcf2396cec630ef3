using GonPortal.Server.Data;
using GonPortal.Server.Settlements;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;

namespace GonPortal.Server.Settlements;

public static class JobExtensions
{
    /// <summary>
    /// Background jobs with Hangfire, stored next to the data: in memory with SQLite (one embedded
    /// instance), in the same PostgreSQL or SQL Server database otherwise (schema "hangfire"), so that
    /// several server instances share one job queue. "Jobs:Workers" sets the worker count (default 2);
    /// "Jobs:Server" false starts no worker in this instance (it still enqueues).
    /// The storage is this host's own DI singleton, not Hangfire's static JobStorage.Current: several
    /// hosts (tests, a restarted instance) may live in one process, each with its own database.
    /// Registered after <see cref="DataExtensions.AddGonData"/> so migrations run before any job does.
    /// </summary>
    public static IHostApplicationBuilder AddGonJobs(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Gon") ?? DatabaseOptions.DefaultSqlite;
        JobStorage storage = provider switch
        {
            DatabaseProvider.Postgres => PostgresStorage(connectionString),
            DatabaseProvider.SqlServer => new SqlServerStorage(connectionString, new SqlServerStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true }),
            _ => new InMemoryStorage(),
        };
        builder.Services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        // After AddHangfire, so this host's storage is the one DI hands to the client, the recurring
        // job manager and the server.
        builder.Services.AddSingleton(storage);
        // Likewise the activator: Hangfire's default is the static JobActivator.Current, which the last
        // host to start would own, so another host's jobs would run against its services and database.
        builder.Services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        if (builder.Configuration.GetValue("Jobs:Server", true))
        {
            builder.Services.AddHangfireServer((_, o) =>
            {
                o.WorkerCount = builder.Configuration.GetValue("Jobs:Workers", 2);
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                o.ShutdownTimeout = TimeSpan.FromSeconds(5);
            }, storage);
        }
        builder.AddGonSettlementJobs();
        return builder;
    }

    private static PostgreSqlStorage PostgresStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>Settlement runs: the job, what it uses, the recovery loop and the recurring schedules.</summary>
    private static void AddGonSettlementJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(SettlementJobOptions.From(builder.Configuration));
        services.AddSingleton(SlowSettlementRunFaults.From(builder.Configuration));
        services.AddScoped<SettlementRunJob>();
        services.AddScoped<ScheduledSettlements>();
        services.AddScoped<SettlementRunStarter>();
        services.AddScoped<SettlementRunRequests>();
        services.AddScoped<SettlementPreconditions>();
        services.AddScoped<StatementCompletenessQuery>();
        services.AddScoped<SettlementInputLoader>();
        services.AddScoped<SettlementResultWriter>();
        services.AddScoped<StatementComputer>();
        services.AddScoped<PgbComputer>();
        services.AddScoped<ReconciliationComputer>();
        services.AddScoped<PgbInputLoader>();
        services.AddScoped<SettlementResultQuery>();
        services.AddHostedService<SettlementRunRecovery>();
        services.AddHostedService<SettlementScheduleRegistration>();
    }
}
