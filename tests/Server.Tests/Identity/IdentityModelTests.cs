using GonPortal.HostContracts;
using GonPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Tests.Identity;

/// <summary>Identity's three migration sets match its model (users, roles, OpenIddict stores).</summary>
public class IdentityModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Identity_migrations_match_the_model(DatabaseProvider provider)
    {
        using var db = IdentityDatabase.CreateContext(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: Identity model has changes without a migration");
    }
}
