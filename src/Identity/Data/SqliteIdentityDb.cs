using GonPortal.HostContracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GonPortal.Identity.Data;

/// <summary>
/// The Identity database on Sqlite. Exists only so EF Core keeps a separate model snapshot
/// and migrations set (Data/Migrations/Sqlite) for this provider; the model is in <see cref="IdentityDb"/>.
/// </summary>
public sealed class SqliteIdentityDb(DbContextOptions<SqliteIdentityDb> options) : IdentityDb(options);

/// <summary>Lets dotnet-ef build this context without starting the host or reading configuration.</summary>
public sealed class SqliteIdentityDbFactory : IDesignTimeDbContextFactory<SqliteIdentityDb>
{
    public SqliteIdentityDb CreateDbContext(string[] args) =>
        (SqliteIdentityDb)IdentityDatabase.CreateContext(DatabaseProvider.Sqlite);
}
