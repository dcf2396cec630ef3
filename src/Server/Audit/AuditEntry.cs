namespace GonPortal.Server.Audit;

/// <summary>
/// One recorded access (who, what, when, why, and which client where one is concerned). Append-only:
/// <c>GonDbContext</c> refuses to update or delete it, and <see cref="AuditChain"/> gives it its place in a
/// hash chain when it is saved. Entries from before the chain (<see cref="Partition"/> null) are the legacy prefix.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string ActorSubject { get; set; } = "";
    public string? ActorName { get; set; }
    public Guid ActorTenantId { get; set; }
    /// <summary>The caller's organisation name as its token named it (kept, since organisations get renamed).</summary>
    public string? ActorOrganisationName { get; set; }
    public string ActorRole { get; set; } = "";
    public string Method { get; set; } = "";
    public string Resource { get; set; } = "";
    public string Access { get; set; } = "";
    public string? Purpose { get; set; }

    /// <summary>The client whose personal data was read or written (never the BSN); null for other access.</summary>
    public Guid? ClientId { get; set; }

    /// <summary>The chain this entry belongs to (<see cref="AuditPartitions"/>): one per day and tenant bucket.</summary>
    public string? Partition { get; set; }
    /// <summary>Position in the partition's chain, from 1.</summary>
    public long? Sequence { get; set; }
    public string? PreviousHash { get; set; }
    /// <summary>SHA-256 (hex) of the canonical content and <see cref="PreviousHash"/> (<see cref="AuditHash"/>).</summary>
    public string? Hash { get; set; }
}
