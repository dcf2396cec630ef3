using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Audit;

/// <summary>Where a chain is broken: the partition, the position that does not hold, the entry found there (if any) and why.</summary>
public sealed record AuditChainBreak(string Partition, long Position, Guid? EntryId, string Reason);

public sealed record AuditVerification(bool Intact, long EntriesChecked, int PartitionsChecked, long LegacyEntries, AuditChainBreak? FirstBreak);

/// <summary>
/// Recomputes every partition's chain in order (oldest day first) and reports the first link that does not hold:
/// an entry whose content no longer gives its hash (changed), a position that is missing or doubled (deleted or
/// inserted), an entry whose previous hash is not its predecessor's, or a head that does not match the last entry
/// (tail deleted). The legacy prefix (entries from before the chain) is only counted against its anchor.
/// </summary>
public sealed class AuditChainVerifier(GonDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var heads = await db.AuditChainHeads.AsNoTracking().ToDictionaryAsync(h => h.Partition, ct);
        var partitions = (await db.AuditEntries.AsNoTracking().Where(e => e.Partition != null).Select(e => e.Partition!).Distinct().ToListAsync(ct))
            .Concat(heads.Keys.Where(k => k != AuditPartitions.Legacy)).Distinct().Order(StringComparer.Ordinal).ToList();
        long checkedCount = 0;
        var legacy = await db.AuditEntries.AsNoTracking().LongCountAsync(e => e.Partition == null, ct);
        if (heads.TryGetValue(AuditPartitions.Legacy, out var legacyHead) && legacyHead.Sequence != legacy)
        {
            return Broken(new AuditChainBreak(AuditPartitions.Legacy, legacy, null,
                $"{legacyHead.Sequence} entries were recorded before the chain, {legacy} remain"));
        }
        foreach (var partition in partitions)
        {
            var (count, broken) = await VerifyPartitionAsync(partition, heads.GetValueOrDefault(partition), ct);
            checkedCount += count;
            if (broken is not null)
            {
                return Broken(broken);
            }
        }
        return new AuditVerification(true, checkedCount, partitions.Count, legacy, null);

        AuditVerification Broken(AuditChainBreak at) => new(false, checkedCount, partitions.Count, legacy, at);
    }

    private async Task<(long Count, AuditChainBreak? Break)> VerifyPartitionAsync(string partition, AuditChainHead? head, CancellationToken ct)
    {
        var expected = AuditPartitions.Genesis(partition);
        long position = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Partition == partition).OrderBy(e => e.Sequence).ThenBy(e => e.Id)
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            position++;
            if (entry.Sequence != position)
            {
                return (position - 1, new AuditChainBreak(partition, position, entry.Id, entry.Sequence > position
                    ? $"entry {position} is missing (next found is {entry.Sequence})"
                    : $"position {entry.Sequence} occurs twice"));
            }
            if (entry.PreviousHash != expected)
            {
                return (position - 1, new AuditChainBreak(partition, position, entry.Id, "does not link to the entry before it"));
            }
            if (AuditHash.Compute(entry) != entry.Hash)
            {
                return (position - 1, new AuditChainBreak(partition, position, entry.Id, "its content does not match its hash"));
            }
            expected = entry.Hash!;
        }
        if (head is null)
        {
            return (position, new AuditChainBreak(partition, position, null, "the partition has no head"));
        }
        if (head.Sequence != position || head.LastHash != expected)
        {
            return (position, new AuditChainBreak(partition, Math.Min(position, head.Sequence) + 1, null,
                $"the head records {head.Sequence} entries ending in another hash; {position} entries remain"));
        }
        return (position, null);
    }
}
