using GonPortal.Server.Paging;

namespace GonPortal.Server.Audit;

/// <summary>The order_by fields of ListAuditEntries and ListClientAccess (listed in audit.proto).</summary>
public static class AuditListOrder
{
    /// <summary>"actor" is the name shown for the actor (the subject when the entry has no name), without regard to case.</summary>
    public static readonly SortFields<AuditEntry> Entries = Common();

    /// <summary>The access report also sorts on the actor's organisation.</summary>
    public static readonly SortFields<AuditEntry> ClientAccess = Common()
        .Add("organisation", e => (e.ActorOrganisationName ?? "").ToLower());

    private static SortFields<AuditEntry> Common() => new SortFields<AuditEntry>(
            q => q.OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id), e => e.Id)
        .Add("occurred_at", e => e.OccurredAt)
        .Add("actor", e => (e.ActorName == null || e.ActorName == "" ? e.ActorSubject : e.ActorName).ToLower())
        .Add("method", e => e.Method)
        .Add("resource", e => e.Resource)
        .Add("purpose", e => (e.Purpose ?? "").ToLower());
}
