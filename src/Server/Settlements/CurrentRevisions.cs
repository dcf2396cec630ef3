using GonPortal.Domain.Settlements;

namespace GonPortal.Server.Settlements;

/// <summary>"Current" = no later revision of the same identity exists; superseded is computed the same way, never stored.</summary>
public static class CurrentRevisions
{
    /// <summary>The current revisions among <paramref name="results"/>, judged against every row of <paramref name="all"/>.</summary>
    public static IQueryable<SettlementResult> Current(this IQueryable<SettlementResult> results, IQueryable<SettlementResult> all) =>
        results.Where(r => !all.Any(n => n.Kind == r.Kind && n.AreaId == r.AreaId && n.Year == r.Year && n.Month == r.Month
            && n.SubcontractId == r.SubcontractId && n.Revision > r.Revision));

    /// <summary>All revisions of one result identity.</summary>
    public static IQueryable<SettlementResult> OfIdentity(this IQueryable<SettlementResult> results,
        SettlementKind kind, int areaId, int year, int month, Guid subcontractId) =>
        results.Where(r => r.Kind == kind && r.AreaId == areaId && r.Year == year && r.Month == month && r.SubcontractId == subcontractId);
}
