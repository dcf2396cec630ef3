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
                builder.UseNpgsql(connectionString);
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString);
                break;
        }
    }
}
