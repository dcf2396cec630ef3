using GonPortal.Domain.Hours;
using GonPortal.Server.Audit;
using GonPortal.Server.Data;
using GonPortal.Server.Idempotency;
using GonPortal.Server.Subcontracts;
using GonPortal.Server.Tenancy;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Hours;

/// <summary>
/// Approves or rejects every reviewable entry a selection matches, in one transaction: one set-based
/// UPDATE (no entry is loaded, so 200,000 entries cost no memory), the confirmed count checked against
/// the rows it changed (<see cref="HourBulkReview.ConfirmCount"/>; a mismatch rolls the update back),
/// and the idempotency record of the request committed with it.
/// </summary>
public sealed class HourFilterReviewHandler(GonDbContext db, TenantContext tenant, IdempotentRequests idempotent, TimeProvider clock, SubcontractRateCheck rates, ClientAccessLog log)
{
    public async Task<int> ReviewAsync(IMessage request, string requestId, HourReviewSelection selection, int confirmedCount,
        HourEntryStatus outcome, string? note, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await idempotent.CreateOnceAsync(request, requestId, async () =>
        {
            var now = clock.GetUtcNow();
            var by = tenant.Subject;
            if (outcome == HourEntryStatus.Approved)
            {
                // An entry whose date has no subcontract rate could not be priced in its statement (rules 1.1 §3).
                await rates.RequireRatesAsync(selection.Apply(db.HourEntries, tenant.TenantId), ct);
            }
            // The trail names each client whose hours this review changes; saved with the idempotency record.
            log.Wrote(HourEntryAudit.Resource, await selection.Apply(db.HourEntries, tenant.TenantId).Select(e => e.ClientId).Distinct().ToListAsync(ct));
            var count = await selection.Apply(db.HourEntries, tenant.TenantId).ExecuteUpdateAsync(u => u
                .SetProperty(e => e.Status, outcome)
                .SetProperty(e => e.ReviewedAt, now)
                .SetProperty(e => e.ReviewedBy, by)
                .SetProperty(e => e.ReviewNote, note), ct);
            HourBulkReview.ConfirmCount(confirmedCount, count);
            return Guid.NewGuid();
        },
        // A replay answers with what the first call did: it only succeeded when it changed the confirmed count.
        _ => Task.FromResult(confirmedCount), ct);
        await transaction.CommitAsync(ct);
        return changed;
    }

    /// <summary>How many entries a review of the selection would change now (the figure a person confirms).</summary>
    public Task<int> CountAsync(HourReviewSelection selection, CancellationToken ct) =>
        selection.Apply(db.HourEntries, tenant.TenantId).CountAsync(ct);
}
