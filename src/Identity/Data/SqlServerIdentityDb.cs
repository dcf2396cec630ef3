using GonPortal.HostContracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GonPortal.Identity.Data;

/// <summary>
/// The Identity database on SqlServer. Exists only so EF Core keeps a separate model snapshot
/// and migrations set (Data/Migrations/SqlServer) for this provider; the model is in <see cref="IdentityDb"/>.
/// </summary>
public sealed class SqlServerIdentityDb(DbContextOptions<SqlServerIdentityDb> options) : IdentityDb(options);

/// <summary>Lets dotnet-ef build this context without starting the host or reading configuration.</summary>
public sealed class SqlServerIdentityDbFactory : IDesignTimeDbContextFactory<SqlServerIdentityDb>
{
    public SqlServerIdentityDb CreateDbContext(string[] args) =>
        (SqlServerIdentityDb)IdentityDatabase.CreateContext(DatabaseProvider.SqlServer);
}
