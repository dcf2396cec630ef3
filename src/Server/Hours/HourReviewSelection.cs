using GonPortal.Domain.Hours;

namespace GonPortal.Server.Hours;

/// <summary>
/// Which entries a review by filter (or the count shown before it) concerns: the caller's own entries
/// waiting for review, narrowed by reporter, arrangement and month. <paramref name="Month"/> 0 means the
/// whole <paramref name="Year"/>; <paramref name="Year"/> 0 means any date.
/// </summary>
public sealed record HourReviewSelection(Guid? ReporterId, Guid? ArrangementId, int Year, int Month)
{
    /// <summary>
    /// Applied on top of the tenant filter with the owner spelled out too: the set-based update bypasses
    /// SaveChanges' write guard, so the query itself must only ever reach the caller's own rows.
    /// </summary>
    public IQueryable<HourEntry> Apply(IQueryable<HourEntry> entries, Guid ownerTenantId)
    {
        var q = entries.Where(e => e.TenantId == ownerTenantId && e.Status == HourBulkReview.Reviewable);
        if (ReporterId is { } reporter) q = q.Where(e => e.ReportedByProviderId == reporter);
        if (ArrangementId is { } arrangement) q = q.Where(e => e.ArrangementId == arrangement);
        if (Year != 0)
        {
            var from = new DateOnly(Year, Month == 0 ? 1 : Month, 1);
            var to = Month == 0 ? new DateOnly(Year, 12, 31) : from.AddMonths(1).AddDays(-1);
            q = q.Where(e => e.ServiceDate >= from && e.ServiceDate <= to);
        }
        return q;
    }
}
