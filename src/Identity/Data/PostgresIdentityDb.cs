using GonPortal.HostContracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GonPortal.Identity.Data;

/// <summary>
/// The Identity database on Postgres. Exists only so EF Core keeps a separate model snapshot
/// and migrations set (Data/Migrations/Postgres) for this provider; the model is in <see cref="IdentityDb"/>.
/// </summary>
public sealed class PostgresIdentityDb(DbContextOptions<PostgresIdentityDb> options) : IdentityDb(options);

/// <summary>Lets dotnet-ef build this context without starting the host or reading configuration.</summary>
public sealed class PostgresIdentityDbFactory : IDesignTimeDbContextFactory<PostgresIdentityDb>
{
    public PostgresIdentityDb CreateDbContext(string[] args) =>
        (PostgresIdentityDb)IdentityDatabase.CreateContext(DatabaseProvider.Postgres);
}
