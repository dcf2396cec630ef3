using GonPortal.Domain.Hours;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Audit;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Hours;

/// <summary>
/// Undoes approvals all-or-nothing: gathers for each entry whether a statement run of its month may have read its approval and
/// whether a reversal refers to it, and lets the domain decide (<see cref="HourEntry.UndoApproval"/>).
/// </summary>
public sealed class HourApprovalUndoHandler(GonDbContext db, TenantContext tenant, ClientAccessLog log)
{
    public async Task<List<HourEntry>> UndoAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var entries = await db.HourEntries.Where(e => ids.Contains(e.Id) && e.TenantId == tenant.TenantId).ToListAsync(ct);
        if (entries.Count != ids.Count)
        {
            throw new NotFoundException("Hour entry");
        }
        var years = entries.Select(e => e.ServiceDate.Year).Distinct().ToList();
        // A run reads the approvals somewhere between its start and its end, so only an approval made after the month's
        // last run had finished is surely in no statement yet and may still be undone. A queued or running run will (or may)
        // read it; only a failed run left nothing behind.
        var runs = await db.SettlementRuns.AsNoTracking()
            .Where(r => r.Kind == SettlementKind.SubcontractorStatements && years.Contains(r.Year) && r.State != SettlementRunState.Failed)
            .Select(r => new { r.Year, r.Month, r.FinishedAt })
            .ToListAsync(ct);
        var lastFinished = runs.GroupBy(r => (r.Year, r.Month))
            .ToDictionary(g => g.Key, g => g.Any(r => r.FinishedAt is null) ? DateTimeOffset.MaxValue : g.Max(r => r.FinishedAt!.Value));
        bool Covered(HourEntry e) =>
            lastFinished.TryGetValue((e.ServiceDate.Year, e.ServiceDate.Month), out var finished) && (e.ReviewedAt is not { } at || at <= finished);

        var reversals = await db.HourEntries.AsNoTracking()
            .Where(e => e.ReversesEntryId != null && ids.Contains(e.ReversesEntryId.Value) && e.Status != HourEntryStatus.Rejected)
            .Select(e => new { Reversed = e.ReversesEntryId!.Value, e.Id }).ToListAsync(ct);
        var reversedBy = reversals.GroupBy(r => r.Reversed).ToDictionary(g => g.Key, g => g.First().Id);
        var byId = entries.ToDictionary(e => e.Id);
        foreach (var id in ids)
        {
            var entry = byId[id];
            entry.UndoApproval(new ApprovalUndoFacts(
                Covered(entry),
                reversedBy.TryGetValue(id, out var r) ? r : null));
        }
        log.Wrote(HourEntryAudit.Resource, entries.Select(e => e.ClientId));
        await db.SaveChangesAsync(ct);
        return ids.Select(id => byId[id]).ToList();
    }
}
