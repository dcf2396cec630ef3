namespace GonPortal.Server.Audit;

/// <summary>One recorded cross-tenant access (who, what, when, why). Append-only.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string ActorSubject { get; set; } = "";
    public string? ActorName { get; set; }
    public Guid ActorTenantId { get; set; }
    public string ActorRole { get; set; } = "";
    public string Method { get; set; } = "";
    public string Resource { get; set; } = "";
    public string Access { get; set; } = "";
    public string? Purpose { get; set; }
}
