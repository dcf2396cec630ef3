using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Audit;

/// <summary>
/// Gives every audit entry being saved its place in its partition's hash chain, inside the transaction that
/// saves it: the partition's head row is locked first (a no-op UPDATE, which takes the row lock on PostgreSQL
/// and SQL Server; SQLite's write transaction is already exclusive), then read, the entries are linked, saved
/// with everything else of that SaveChanges, and the head moves on. Writers of other partitions do not wait;
/// heads are locked in key order, so two calls touching two partitions cannot deadlock.
/// </summary>
internal static class AuditChain
{
    public static bool HasPending(GonDbContext db) =>
        db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added);

    public static async Task<int> SaveAsync(GonDbContext db, Func<CancellationToken, Task<int>> save, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var heads = new List<(string Partition, long Sequence, string Hash)>();
            foreach (var e in pending)
            {
                e.OccurredAt = AuditHash.ToMilliseconds(e.OccurredAt);
                e.Partition = AuditPartitions.For(e.OccurredAt, e.ActorTenantId);
            }
            foreach (var partition in pending.GroupBy(e => e.Partition!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var (sequence, last) = await LockHeadAsync(db, partition.Key, ct);
                foreach (var e in partition.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id))
                {
                    e.Sequence = ++sequence;
                    e.PreviousHash = last;
                    e.Hash = last = AuditHash.Compute(e);
                }
                heads.Add((partition.Key, sequence, last));
            }
            var written = await save(ct);
            foreach (var (partition, sequence, hash) in heads)
            {
                await db.AuditChainHeads.Where(h => h.Partition == partition)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, sequence).SetProperty(h => h.LastHash, hash), ct);
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
            return written;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private static async Task<(long Sequence, string Hash)> LockHeadAsync(GonDbContext db, string partition, CancellationToken ct)
    {
        var day = AuditPartitions.DayOf(partition);
        var genesis = AuditPartitions.Genesis(partition);
        // Created once per partition; a concurrent creator's row wins and this insert does nothing.
        switch (db.Database.ProviderName)
        {
            case "Npgsql.EntityFrameworkCore.PostgreSQL":
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "AuditChainHeads" ("Partition", "Day", "Sequence", "LastHash") VALUES ({partition}, {day}, 0, {genesis}) ON CONFLICT DO NOTHING""", ct);
                break;
            case "Microsoft.EntityFrameworkCore.SqlServer":
                await db.Database.ExecuteSqlAsync(
                    $"""IF NOT EXISTS (SELECT 1 FROM [AuditChainHeads] WITH (UPDLOCK, HOLDLOCK) WHERE [Partition] = {partition}) INSERT INTO [AuditChainHeads] ([Partition], [Day], [Sequence], [LastHash]) VALUES ({partition}, {day}, 0, {genesis})""", ct);
                break;
            default:
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT OR IGNORE INTO "AuditChainHeads" ("Partition", "Day", "Sequence", "LastHash") VALUES ({partition}, {day}, 0, {genesis})""", ct);
                break;
        }
        await db.AuditChainHeads.Where(h => h.Partition == partition).ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence), ct);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Partition == partition, ct);
        return (head.Sequence, head.LastHash);
    }
}
