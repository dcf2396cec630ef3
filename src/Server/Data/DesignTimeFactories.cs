using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GonPortal.Server.Data;

// Used by `dotnet ef migrations add/script` only; no database is contacted for those commands.

public sealed class SqliteGonDbFactory : IDesignTimeDbContextFactory<SqliteGonDb>
{
    public SqliteGonDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGonDb>().UseSqlite(DatabaseOptions.DefaultSqlite).Options);
}

public sealed class PostgresGonDbFactory : IDesignTimeDbContextFactory<PostgresGonDb>
{
    public PostgresGonDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGonDb>().UseNpgsql("Host=localhost;Database=gon").Options);
}

public sealed class SqlServerGonDbFactory : IDesignTimeDbContextFactory<SqlServerGonDb>
{
    public SqlServerGonDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerGonDb>().UseSqlServer("Server=localhost;Database=gon;TrustServerCertificate=true").Options);
}
