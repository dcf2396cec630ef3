using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GonPortal.Server.Data;

/// <summary>SQLite: the embedded default. Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteGonDb(DbContextOptions<SqliteGonDb> options, TenantContext tenant) : GonDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset stored as text; as UTC ticks it can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL: shared by several server instances. Migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresGonDb(DbContextOptions<PostgresGonDb> options, TenantContext tenant) : GonDbContext(options, tenant);

/// <summary>SQL Server: production option. Migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerGonDb(DbContextOptions<SqlServerGonDb> options, TenantContext tenant) : GonDbContext(options, tenant);
