using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Server.Audit;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Hours;

/// <summary>
/// Judges and stores chunks of hour entries. Each chunk gathers its facts in a few queries, is judged
/// by the domain (<see cref="HourEntryBatch"/>), and is committed in one statement (<see cref="HourEntryBulkStore"/>), so memory stays
/// flat however long an import stream runs. Later chunks see what earlier chunks stored, which is what
/// makes duplicate keys, reversals and the 24-hour rule hold across the whole stream.
/// </summary>
public sealed class HourEntryWriter(GonDbContext db, TenantContext tenant, HourFactsLoader facts, HourEntryBulkStore store, TimeProvider clock,
    ClientAccessLog log)
{
    public sealed record ChunkResult(IReadOnlyList<HourEntryOutcome> Outcomes, IReadOnlyList<Guid?> EntryIds);

    /// <summary>Judges a chunk; when <paramref name="allOrNothing"/> and any entry is rejected, stores nothing.</summary>
    public async Task<ChunkResult> WriteAsync(IReadOnlyList<HourEntryInput> inputs, int firstIndex, bool allOrNothing, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await TryWriteAsync(inputs, firstIndex, allOrNothing, ct);
            }
            catch (Exception e) when (attempt == 0 && HourEntryBulkStore.IsKeyRace(e))
            {
                // A concurrent import stored one of our keys first: judge the chunk again against it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<ChunkResult> TryWriteAsync(IReadOnlyList<HourEntryInput> inputs, int firstIndex, bool allOrNothing, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var batch = new HourEntryBatch(new HourEntryContext(tenant.TenantId, AmsterdamCalendar.Today(now)));
        var checks = await facts.GatherAsync(inputs, ct);
        var ids = new List<Guid?>(inputs.Count);
        var created = new List<HourEntry>();
        var outcomes = new List<HourEntryOutcome>(inputs.Count);
        foreach (var check in checks)
        {
            var outcome = batch.Add(check);
            outcomes.Add(outcome with { Index = outcome.Index + firstIndex });
            switch (outcome.Kind)
            {
                case HourEntryOutcomeKind.Created:
                    var entry = HourEntry.Submit(Guid.NewGuid(), outcome.Accepted!, tenant.Subject, now);
                    created.Add(entry);
                    ids.Add(entry.Id);
                    break;
                case HourEntryOutcomeKind.Existing:
                    ids.Add(outcome.ExistingEntryId ?? (outcome.DuplicateOfIndex is { } i ? ids[i] : null));
                    break;
                default:
                    ids.Add(null);
                    break;
            }
        }
        if (allOrNothing && !batch.AllAccepted)
        {
            return new ChunkResult(outcomes, ids);
        }
        if (created.Count > 0)
        {
            ct.ThrowIfCancellationRequested(); // judged, but the caller went away: store nothing more
            // The access log's entries are tracked and saved by the store with the chunk, in its transaction.
            log.Wrote(HourEntryAudit.Resource, created.Select(e => e.ClientId));
            await store.AddAsync(created, ct);
        }
        return new ChunkResult(outcomes, ids);
    }
}
