using System.Collections.Concurrent;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;

namespace GonPortal.Server.Audit;

/// <summary>
/// Saves the read entries of many concurrent calls in one transaction (group commit), and still before each call
/// answers: a caller hands over its entries and waits until they are committed. Why: every read of a client is
/// audited (NEN 7513), so without this each read was its own write transaction on its partition's chain head —
/// 64 concurrent reads queued behind one row lock on PostgreSQL, and on SQLite behind the one writer, where
/// Microsoft.Data.Sqlite waits for a busy database by putting the thread to sleep; the starved thread pool then
/// made Kestrel abort the whole HTTP/2 connection ("request body data rate") under ReadBench's load.
/// The first waiting caller writes (the others' entries too), so there is no background thread and no entry
/// waits for a timer; a failed write fails every call of that batch, as its own SaveChanges would have.
/// </summary>
public sealed class AuditGroupCommit(IServiceScopeFactory scopes, ILogger<AuditGroupCommit> logger)
{
    /// <summary>At most this many entries per transaction; a list call brings up to a page (500) of them.</summary>
    private const int MaxBatchEntries = 2_000;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _writing;
    private TaskCompletionSource _released = NewSignal();

    /// <summary>Completes when <paramref name="entries"/> are committed; throws what the write threw.</summary>
    public Task SaveAsync(IReadOnlyList<AuditEntry> entries)
    {
        var pending = new Pending(entries, NewSignal());
        _queue.Enqueue(pending);
        return WriteUntilSavedAsync(pending.Done.Task);
    }

    /// <summary>
    /// Takes the writer's flag and writes what is queued, or waits until its entries are saved or the flag is let go
    /// and tries again; so an entry queued while another call was writing is never left behind.
    /// </summary>
    private async Task WriteUntilSavedAsync(Task own)
    {
        while (!own.IsCompleted)
        {
            var released = Volatile.Read(ref _released).Task;
            if (Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
            {
                await Task.WhenAny(own, released);
                continue;
            }
            try
            {
                await WriteBatchAsync();
            }
            finally
            {
                // Let go first, then wake the waiters: each wakes to a free flag or to a signal that comes later.
                Volatile.Write(ref _writing, 0);
                Interlocked.Exchange(ref _released, NewSignal()).TrySetResult();
            }
        }
        await own;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task WriteBatchAsync()
    {
        var batch = new List<Pending>();
        var count = 0;
        while (count < MaxBatchEntries && _queue.TryDequeue(out var next))
        {
            batch.Add(next);
            count += next.Entries.Count;
        }
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // The entries already name their callers; this scope only stores them (audit entries belong to no tenant).
            scope.ServiceProvider.GetRequiredService<TenantContext>().ResolveSystem("audit-group-commit");
            var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
            db.AuditEntries.AddRange(batch.SelectMany(p => p.Entries));
            // Not the callers' cancellation: one caller going away must not lose the others' entries.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Saving {Count} audit entries of {Calls} calls failed", count, batch.Count);
            foreach (var p in batch)
            {
                p.Done.TrySetException(e);
            }
            return;
        }
        foreach (var p in batch)
        {
            p.Done.TrySetResult();
        }
    }

    private sealed record Pending(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Done);
}
