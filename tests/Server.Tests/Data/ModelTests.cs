using GonPortal.Domain.Common;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Data;

/// <summary>Model and migrations of the three databases; needs no database server.</summary>
public class ModelTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres", "SqlServer"];

    private static GonDbContext Create(string provider) => provider switch
    {
        "Sqlite" => new SqliteGonDbFactory().CreateDbContext([]),
        "Postgres" => new PostgresGonDbFactory().CreateDbContext([]),
        _ => new SqlServerGonDbFactory().CreateDbContext([]),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Server_migrations_match_the_model(string provider)
    {
        using var db = Create(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model has changes without a migration; run dotnet ef migrations add for {provider}GonDb");
    }

    [Fact]
    public void Sql_server_migration_script_is_generated()
    {
        using var db = Create("SqlServer");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Subcontracts]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_IdempotencyRecords_TenantId_Method_RequestId]", script);
        Assert.Contains("[PeriodStart] date NOT NULL", script);
        // Two queued or running runs of one identity are impossible; finished runs (NULL key) are many.
        Assert.Contains("CREATE UNIQUE INDEX [IX_SettlementRuns_ActiveKey] ON [SettlementRuns] ([ActiveKey]) WHERE [ActiveKey] IS NOT NULL", script);
        var path = Path.Combine(AppContext.BaseDirectory, "sqlserver-migrations.sql");
        File.WriteAllText(path, script);
    }

    [Fact]
    public void Every_tenant_owned_entity_has_the_tenant_filter()
    {
        using var db = Create("Sqlite");
        var tenantOwned = db.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && !t.IsOwned()).ToList();
        Assert.NotEmpty(tenantOwned);
        Assert.All(tenantOwned, t => Assert.NotNull(t.FindDeclaredQueryFilter(TenantFilter.Name)));
    }

    [Fact]
    public void Entities_without_tenant_are_the_known_public_or_gemeente_only_ones()
    {
        using var db = Create("Sqlite");
        var shared = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && !typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType.Name).Order().ToList();
        // Provider register and area contracts are public; audit entries (and their chain heads) are gemeente-only by
        // role, except one client's report, which the audit service checks against the client's owner;
        // settlement runs are the gemeente's process records (the settlement service decides who sees one);
        // budget figures are the gemeente's, read by a hoofdaanbieder only for the areas it holds
        // (checked against its area contracts by the budget service); data-protection keys belong to no
        // one and are never served (Instances/SharedInstanceExtensions).
        Assert.Equal(["AreaContract", "AuditChainHead", "AuditEntry", "BaseLumpsum", "BudgetAdjustment", "BudgetChange", "DataProtectionKey", "IndexRate",
            "PgbAverageCost", "PgbBaseline", "PgbMonthlyCount", "Provider", "SettlementRun", "YearParameters"], shared);
    }
}
