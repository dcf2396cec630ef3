using GonPortal.HostContracts;
using GonPortal.Server.Audit;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GonPortal.Server.Tests.Audit;

/// <summary>The hash chain of the audit trail on a real database: tampering through SQL is found and located, appends stay chained under concurrency.</summary>
public abstract class AuditChainTests(DatabaseProvider provider)
{
    private static readonly Guid TenantA = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid TenantB = Guid.Parse("20000000-0000-0000-0000-000000000002");

    [Fact]
    public async Task An_untouched_trail_is_intact_and_each_partition_counts_from_one()
    {
        await using var database = await AuditChainDatabase.CreateAsync(provider);
        var entries = new List<AuditEntry>();
        for (var i = 0; i < 5; i++)
        {
            entries.Add(await database.AppendAsync(TenantA));
        }
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence!.Value));
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        var result = await database.VerifyAsync();
        Assert.True(result.Intact, AuditCommand.Describe(result));
        Assert.Equal(5, result.EntriesChecked);
    }

    [Fact]
    public async Task A_row_changed_through_sql_is_found_at_its_partition_and_position()
    {
        await using var database = await AuditChainDatabase.CreateAsync(provider);
        var entries = new List<AuditEntry>();
        for (var i = 0; i < 4; i++)
        {
            entries.Add(await database.AppendAsync(TenantA));
        }
        var victim = entries[2];
        await using (var db = database.Context(new()))
        {
            // Past the application's append-only check, as someone with database access would.
            await db.AuditEntries.Where(e => e.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Purpose, "verzonnen doel"));
        }
        var result = await database.VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(victim.Partition, result.FirstBreak!.Partition);
        Assert.Equal(3, result.FirstBreak.Position);
        Assert.Equal(victim.Id, result.FirstBreak.EntryId);
        Assert.Contains("content", result.FirstBreak.Reason);
    }

    [Fact]
    public async Task A_row_changed_with_its_hash_recomputed_breaks_the_next_link()
    {
        await using var database = await AuditChainDatabase.CreateAsync(provider);
        var entries = new List<AuditEntry>();
        for (var i = 0; i < 3; i++)
        {
            entries.Add(await database.AppendAsync(TenantA));
        }
        var victim = entries[1];
        victim.Resource = "iets anders";
        var forged = AuditHash.Compute(victim);
        await using (var db = database.Context(new()))
        {
            await db.AuditEntries.Where(e => e.Id == victim.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Resource, "iets anders").SetProperty(e => e.Hash, forged));
        }
        var result = await database.VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBreak!.Position);
        Assert.Equal(entries[2].Id, result.FirstBreak.EntryId);
    }

    [Fact]
    public async Task A_deleted_row_is_found_as_a_missing_position()
    {
        await using var database = await AuditChainDatabase.CreateAsync(provider);
        var entries = new List<AuditEntry>();
        for (var i = 0; i < 4; i++)
        {
            entries.Add(await database.AppendAsync(TenantA));
        }
        await using (var db = database.Context(new()))
        {
            await db.AuditEntries.Where(e => e.Id == entries[1].Id).ExecuteDeleteAsync();
        }
        var result = await database.VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(entries[1].Partition, result.FirstBreak!.Partition);
        Assert.Equal(2, result.FirstBreak.Position);
        Assert.Equal(entries[2].Id, result.FirstBreak.EntryId);
        Assert.Contains("missing", result.FirstBreak.Reason);
    }

    [Fact]
    public async Task A_deleted_last_row_is_found_by_the_head()
    {
        await using var database = await AuditChainDatabase.CreateAsync(provider);
        AuditEntry last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await database.AppendAsync(TenantB);
        }
        await using (var db = database.Context(new()))
        {
            await db.AuditEntries.Where(e => e.Id == last.Id).ExecuteDeleteAsync();
        }
        var result = await database.VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(last.Partition, result.FirstBreak!.Partition);
        Assert.Equal(3, result.FirstBreak.Position);
        Assert.Contains("head", result.FirstBreak.Reason);
    }

    [Fact]
    public async Task The_application_refuses_to_update_or_delete_an_entry()
    {
        await using var database = await AuditChainDatabase.CreateAsync(provider);
        var entry = await database.AppendAsync(TenantA);
        await using (var db = database.ContextOf(TenantA))
        {
            var tracked = await db.AuditEntries.SingleAsync(e => e.Id == entry.Id);
            tracked.Purpose = "achteraf";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using (var db = database.ContextOf(TenantA))
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Id == entry.Id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        Assert.True((await database.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Concurrent_appends_keep_every_chain_intact()
    {
        await using var database = await AuditChainDatabase.CreateAsync(provider);
        const int writers = 8, each = 15;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                await database.AppendAsync(w % 2 == 0 ? TenantA : TenantB);
            }
        })));
        var result = await database.VerifyAsync();
        Assert.True(result.Intact, AuditCommand.Describe(result));
        Assert.Equal(writers * each, result.EntriesChecked);
        await using var db = database.Context(new());
        var positions = await db.AuditEntries.GroupBy(e => e.Partition).Select(g => new { g.Key, Count = g.LongCount(), Max = g.Max(e => e.Sequence) }).ToListAsync();
        Assert.All(positions, p => Assert.Equal(p.Count, p.Max));
    }

    [Fact]
    public async Task Retention_drops_whole_expired_days_and_what_remains_verifies()
    {
        await using var database = await AuditChainDatabase.CreateAsync(provider);
        var old = await database.AppendAsync(TenantA, DateTimeOffset.UtcNow.AddDays(-400));
        await database.AppendAsync(TenantA, DateTimeOffset.UtcNow.AddDays(-400));
        var recent = await database.AppendAsync(TenantA);
        await using (var db = database.Context(new()))
        {
            var dropped = await new AuditRetention(db, TimeProvider.System, Options.Create(new AuditOptions { RetentionDays = 365 })).DropExpiredAsync(CancellationToken.None);
            Assert.Equal(2, dropped);
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Id == old.Id));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Id == recent.Id));
            Assert.False(await db.AuditChainHeads.AnyAsync(h => h.Partition == old.Partition));
        }
        var result = await database.VerifyAsync();
        Assert.True(result.Intact, AuditCommand.Describe(result));
        Assert.Equal(1, result.EntriesChecked);
    }

    [Fact]
    public async Task The_verify_command_exits_zero_when_intact_and_one_when_broken()
    {
        await using var database = await AuditChainDatabase.CreateAsync(provider);
        var entry = await database.AppendAsync(TenantA);
        string[] Args() => ["audit", "verify", $"--Database:Provider={database.ProviderName}", $"--ConnectionStrings:Gon={database.ConnectionString}"];
        Assert.Equal(0, await AuditCommand.RunAsync(Args()));
        await using (var db = database.Context(new()))
        {
            await db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "Iemand anders"));
        }
        Assert.Equal(1, await AuditCommand.RunAsync(Args()));
    }
}

public sealed class SqliteAuditChainTests() : AuditChainTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditChainTests() : AuditChainTests(DatabaseProvider.Postgres);
