using GonPortal.Contracts.V1;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.HostContracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Data;

/// <summary>
/// The query filters of clients, referrals, arrangements and transitions isolate by themselves: a
/// query without a Where of its own sees only own and party rows (as the demo seed and the test data
/// give plenty of other tenants' rows), and a party may not change what it may only read.
/// </summary>
public abstract class AccessProcessIsolationTests(GonHosts hosts)
{
    private (IServiceScope Scope, GonDbContext Db) As(DemoOrganisation org)
    {
        var scope = hosts.ServerServices.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Resolve(org.Id, org.Name, org.Role, "test", null, null);
        return (scope, scope.ServiceProvider.GetRequiredService<GonDbContext>());
    }

    [Fact]
    public async Task An_onderaannemer_sees_only_what_it_executes()
    {
        hosts.RequireAvailable();
        await new Scenario(hosts).DecidedForDeLinde();
        var (scope, db) = As(DemoData.DeLinde);
        using (scope)
        {
            var arrangements = await db.Arrangements.ToListAsync();
            Assert.NotEmpty(arrangements);
            Assert.All(arrangements, a => Assert.Contains(DemoData.DeLinde.Id, a.ExecutorProviderIds));
            var clientIds = arrangements.Select(a => a.ClientId).ToHashSet();
            var clients = await db.Clients.ToListAsync();
            Assert.NotEmpty(clients);
            Assert.All(clients, c => Assert.Contains(c.Id, clientIds));
            Assert.Empty(await db.Referrals.ToListAsync());
            var arrangementIds = arrangements.Select(a => a.Id).ToHashSet();
            Assert.All(await db.ArrangementTransitions.ToListAsync(), t => Assert.Contains(t.ArrangementId, arrangementIds));
        }
    }

    [Fact]
    public async Task Wij_sees_its_referrals_clients_and_their_arrangements_only()
    {
        hosts.RequireAvailable();
        var scenario = new Scenario(hosts);
        var direct = await scenario.DirectRequested();
        await scenario.Requested();
        var (scope, db) = As(DemoData.Wij);
        using (scope)
        {
            Assert.All(await db.Referrals.ToListAsync(), r => Assert.Equal(DemoData.Wij.Id, r.TenantId));
            Assert.All(await db.Clients.ToListAsync(), c => Assert.Contains(DemoData.Wij.Id, c.WijOrganisationIds));
            var arrangements = await db.Arrangements.ToListAsync();
            Assert.NotEmpty(arrangements);
            Assert.All(arrangements, a => Assert.Equal(DemoData.Wij.Id, a.WijOrganisationId));
            Assert.DoesNotContain(arrangements, a => a.Id == Guid.Parse(direct.Id));
        }
    }

    [Fact]
    public async Task A_hoofdaanbieder_sees_only_its_own_clients_and_arrangements()
    {
        hosts.RequireAvailable();
        await new Scenario(hosts).Requested();
        var (scope, db) = As(DemoData.OostZorg);
        using (scope)
        {
            Assert.All(await db.Clients.ToListAsync(), c => Assert.Equal(DemoData.OostZorg.Id, c.TenantId));
            Assert.All(await db.Arrangements.ToListAsync(), a => Assert.Equal(DemoData.OostZorg.Id, a.TenantId));
            Assert.All(await db.Referrals.ToListAsync(), r => Assert.Equal(DemoData.OostZorg.Id, r.HoofdaanbiederId));
            Assert.All(await db.ArrangementTransitions.ToListAsync(), t => Assert.Equal(DemoData.OostZorg.Id, t.TenantId));
        }
    }

    [Fact]
    public async Task An_executing_onderaannemer_may_not_change_the_arrangement()
    {
        hosts.RequireAvailable();
        var decided = await new Scenario(hosts).DecidedForDeLinde();
        var (scope, db) = As(DemoData.DeLinde);
        using (scope)
        {
            var row = await db.Arrangements.SingleAsync(a => a.Id == Guid.Parse(decided.Id));
            row.Cancel("poging", new Domain.Arrangements.Actor("x", null, DemoData.DeLinde.Id, Domain.Arrangements.ActorRole.Hoofdaanbieder), DateTimeOffset.UtcNow);
            await Assert.ThrowsAsync<TenantMismatchException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task Demo_clients_are_seeded_in_every_area()
    {
        hosts.RequireAvailable();
        using var scope = hosts.ServerServices.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        var perArea = await db.Clients.IgnoreQueryFilters().GroupBy(c => c.AreaId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal([1, 2, 3, 4], perArea.Select(x => x.Key).Order());
        Assert.All(perArea, x => Assert.True(x.Count >= Server.Data.Seeding.DemoAccessProcessSeeder.ClientsPerArea));
        Assert.True(await db.Arrangements.IgnoreQueryFilters().CountAsync(a => a.ExecutorProviderIds.Contains(DemoData.DeLinde.Id)) > 20);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAccessProcessIsolationTests(SqliteHosts hosts) : AccessProcessIsolationTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAccessProcessIsolationTests(PostgresHosts hosts) : AccessProcessIsolationTests(hosts);
