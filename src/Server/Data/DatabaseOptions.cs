using GonPortal.HostContracts;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Data;

public static class DatabaseOptions
{
    public const string DefaultSqlite = "Data Source=.data/gon.db";

    /// <summary>Configures <paramref name="builder"/> for one provider, with its own migrations set.</summary>
    public static void Use(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(WithAutoPrepare(connectionString));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString);
                break;
        }
    }

    /// <summary>
    /// Npgsql prepares the statements a connection runs most (server-side), so a hot read is planned
    /// once per pooled connection instead of on every call; a connection string that sets
    /// "Max Auto Prepare" itself keeps its value.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }
}
