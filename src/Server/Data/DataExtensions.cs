using GonPortal.Server.Data;
using GonPortal.Server.Data.Seeding;
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
                builder.Services.AddDbContext<GonDbContext, SqliteGonDb>(o => DatabaseOptions.Use(o, provider, connectionString));
                break;
            case DatabaseProvider.Postgres:
                builder.Services.AddDbContext<GonDbContext, PostgresGonDb>(o => DatabaseOptions.Use(o, provider, connectionString));
                break;
            case DatabaseProvider.SqlServer:
                builder.Services.AddDbContext<GonDbContext, SqlServerGonDb>(o => DatabaseOptions.Use(o, provider, connectionString));
                break;
        }
        builder.Services.AddSingleton(Clock.ShiftedTimeProvider.From(builder.Configuration));
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
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
