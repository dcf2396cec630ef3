using GonPortal.HostContracts;
using GonPortal.Server.Audit;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GonPortal.Server.Tests.Audit;

/// <summary><see cref="AuditGroupCommit"/> on a real database: many callers' entries in shared transactions, none lost, chains intact.</summary>
public abstract class AuditGroupCommitTests(DatabaseProvider provider)
{
    private static readonly Guid TenantA = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid TenantB = Guid.Parse("20000000-0000-0000-0000-000000000002");

    [Fact]
    public async Task Concurrent_callers_each_find_their_entries_saved_when_their_call_completes()
    {
        await using var database = await AuditChainDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var commit = services.GetRequiredService<AuditGroupCommit>();
        var calls = Enumerable.Range(0, 96).Select(i => Task.Run(async () =>
        {
            var entries = Enumerable.Range(0, 1 + i % 3).Select(_ => Entry(i % 2 == 0 ? TenantA : TenantB)).ToList();
            await commit.SaveAsync(entries);
            // Saved before the call goes on: a fresh context sees every entry at once.
            await using var db = database.Context(new());
            var ids = entries.Select(e => e.Id).ToList();
            Assert.Equal(entries.Count, await db.AuditEntries.CountAsync(e => ids.Contains(e.Id)));
            return entries.Count;
        })).ToList();
        var expected = (await Task.WhenAll(calls)).Sum();

        var result = await database.VerifyAsync();
        Assert.True(result.Intact, AuditCommand.Describe(result));
        Assert.Equal(expected, result.EntriesChecked);
    }

    [Fact]
    public async Task A_failed_write_fails_its_caller_and_the_next_caller_is_saved()
    {
        await using var database = await AuditChainDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var commit = services.GetRequiredService<AuditGroupCommit>();
        var twice = Entry(TenantA);
        var copy = Entry(TenantA);
        copy.Id = twice.Id; // the same key twice: the write fails

        await Assert.ThrowsAnyAsync<Exception>(() => commit.SaveAsync([twice, copy]));
        var next = Entry(TenantB);
        await commit.SaveAsync([next]);

        await using var db = database.Context(new());
        Assert.Equal([next.Id], await db.AuditEntries.Select(e => e.Id).ToListAsync());
        Assert.True((await database.VerifyAsync()).Intact);
    }

    /// <summary>What the Server registers for the group commit: a scope per batch with its own context.</summary>
    private static ServiceProvider Services(AuditChainDatabase database)
    {
        var services = new ServiceCollection();
        services.AddScoped<TenantContext>();
        services.AddScoped(sp => database.Context(sp.GetRequiredService<TenantContext>()));
        services.AddSingleton<AuditGroupCommit>();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        return services.BuildServiceProvider();
    }

    private static AuditEntry Entry(Guid tenantId) => new()
    {
        Id = Guid.NewGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        ActorSubject = "tester",
        ActorName = "Test Persoon",
        ActorTenantId = tenantId,
        ActorOrganisationName = "Testorganisatie",
        ActorRole = GonRoles.Hoofdaanbieder,
        Method = "/gon.v1.ClientService/GetClient",
        Resource = "Client",
        Access = "read",
        ClientId = Guid.NewGuid(),
    };
}

public sealed class SqliteAuditGroupCommitTests() : AuditGroupCommitTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditGroupCommitTests() : AuditGroupCommitTests(DatabaseProvider.Postgres);
