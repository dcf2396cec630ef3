using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GonPortal.Server.Data;

/// <summary>SQLite: the embedded default. Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteGonDb : GonDbContext
{
    /// <summary>The only constructor (pooling needs that): the tenant comes with each lease, see <see cref="GonDbContext.LeaseTo"/>.</summary>
    public SqliteGonDb(DbContextOptions<SqliteGonDb> options) : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset stored as text; as UTC ticks it can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL: shared by several server instances. Migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresGonDb : GonDbContext
{
    /// <summary>The only constructor (pooling needs that): the tenant comes with each lease, see <see cref="GonDbContext.LeaseTo"/>.</summary>
    public PostgresGonDb(DbContextOptions<PostgresGonDb> options) : base(options)
    {
    }
}

/// <summary>SQL Server: production option. Migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerGonDb : GonDbContext
{
    /// <summary>The only constructor (pooling needs that): the tenant comes with each lease, see <see cref="GonDbContext.LeaseTo"/>.</summary>
    public SqlServerGonDb(DbContextOptions<SqlServerGonDb> options) : base(options)
    {
    }
}
