using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.HostContracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Data;

/// <summary>
/// The data layer itself isolates: a query with no Where of its own, as a careless handler would
/// write, still sees only the tenant's rows, and a write to another tenant's row is refused.
/// </summary>
public abstract class TenantIsolationTests(GonHosts hosts)
{
    private (IServiceScope Scope, GonDbContext Db) As(DemoOrganisation org, string role)
    {
        var scope = hosts.ServerServices.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Resolve(org.Id, org.Name, role, "test", null, null);
        return (scope, scope.ServiceProvider.GetRequiredService<GonDbContext>());
    }

    [Fact]
    public async Task An_unfiltered_query_sees_only_own_and_party_rows()
    {
        hosts.RequireAvailable();
        var scenario = new Scenario(hosts);
        await scenario.Consented(Callers.HaStadse, Callers.OaDeLinde);
        await scenario.Consented(Callers.HaOost, Callers.OaDeLinde);

        var (scope, db) = As(DemoData.OostZorg, GonRoles.Hoofdaanbieder);
        using (scope)
        {
            var rows = await db.Subcontracts.ToListAsync();
            Assert.NotEmpty(rows);
            Assert.All(rows, s => Assert.Equal(DemoData.OostZorg.Id, s.TenantId));
            Assert.All(await db.IdempotencyRecords.ToListAsync(), r => Assert.Equal(DemoData.OostZorg.Id, r.TenantId));
        }
        (scope, db) = As(DemoData.DeLinde, GonRoles.Onderaannemer);
        using (scope)
        {
            var rows = await db.Subcontracts.ToListAsync();
            Assert.Contains(rows, s => s.TenantId == DemoData.StadseZorg.Id);
            Assert.Contains(rows, s => s.TenantId == DemoData.OostZorg.Id);
            Assert.All(rows, s => Assert.Equal(DemoData.DeLinde.Id, s.OnderaannemerId));
        }
    }

    [Fact]
    public async Task An_unresolved_tenant_sees_nothing()
    {
        hosts.RequireAvailable();
        await new Scenario(hosts).Proposed(Callers.HaStadse);
        using var scope = hosts.ServerServices.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        Assert.Empty(await db.Subcontracts.ToListAsync());
    }

    [Fact]
    public async Task A_pooled_context_forgets_the_tenant_of_its_previous_scope()
    {
        hosts.RequireAvailable();
        await new Scenario(hosts).Proposed(Callers.HaStadse);
        var (scope, db) = As(DemoData.StadseZorg, GonRoles.Hoofdaanbieder);
        using (scope)
        {
            Assert.NotEmpty(await db.Subcontracts.ToListAsync());
        }
        // The next scope gets a context from the pool (often the same instance) and has no caller yet.
        using var next = hosts.ServerServices.CreateScope();
        var reused = next.ServiceProvider.GetRequiredService<GonDbContext>();
        Assert.Empty(await reused.Subcontracts.ToListAsync());
        // Resolving the new scope's tenant is what this context sees, not the previous one.
        next.ServiceProvider.GetRequiredService<TenantContext>().Resolve(DemoData.ZuidZorg.Id, DemoData.ZuidZorg.Name, GonRoles.Hoofdaanbieder, "test", null, null);
        Assert.All(await reused.Subcontracts.ToListAsync(), s => Assert.Equal(DemoData.ZuidZorg.Id, s.TenantId));
    }

    [Fact]
    public async Task Writing_another_tenants_row_is_refused_by_save_changes()
    {
        hosts.RequireAvailable();
        var sub = await new Scenario(hosts).Consented(Callers.HaStadse, Callers.OaDeLinde);
        // The onderaannemer can read the row (party), but may not change it.
        var (scope, db) = As(DemoData.DeLinde, GonRoles.Onderaannemer);
        using (scope)
        {
            var row = await db.Subcontracts.SingleAsync(s => s.Id == Guid.Parse(sub.Id));
            row.End("intruder", new DateOnly(2027, 3, 1), "poging", DateTimeOffset.UtcNow);
            await Assert.ThrowsAsync<TenantMismatchException>(() => db.SaveChangesAsync());
        }
        var (ownerScope, ownerDb) = As(DemoData.StadseZorg, GonRoles.Hoofdaanbieder);
        using (ownerScope)
        {
            var stored = await ownerDb.Subcontracts.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(sub.Id));
            Assert.Equal(Domain.Subcontracts.SubcontractState.Consented, stored.State);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTenantIsolationTests(SqliteHosts hosts) : TenantIsolationTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTenantIsolationTests(PostgresHosts hosts) : TenantIsolationTests(hosts);
