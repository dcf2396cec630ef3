using GonPortal.Domain.Common;
using GonPortal.Domain.Settlements;

namespace GonPortal.Server.Settlements;

/// <summary>
/// One stored revision of a settlement result (settlement-rules.md §5): a subcontractor statement,
/// a PGB settlement or a reconciliation. Rows are only ever added: a changed input gives revision + 1
/// and the earlier one stays (it is superseded because a newer revision exists). Identity, owners and
/// the headline amount are columns; the full result (every input and intermediate figure) is kept as
/// JSON in <see cref="Document"/>; <see cref="ContentHash"/> is the hash of that document, which has
/// no revision-specific fields, so an unchanged rerun is recognised and stores nothing.
/// Owned by the hoofdaanbieder it settles; a statement is also visible to its onderaannemer.
/// </summary>
public sealed class SettlementResult : ITenantOwned
{
    public Guid Id { get; set; }
    public SettlementKind Kind { get; set; }

    /// <summary>1-4; 0 for statements.</summary>
    public int AreaId { get; set; }

    public int Year { get; set; }

    /// <summary>1-12 for statements; 0 otherwise.</summary>
    public int Month { get; set; }

    /// <summary>
    /// The subcontract of a statement; for the reconciliation of an area-year that changed hands (settlement-rules.md §7)
    /// the holder's id, so each holder's reconciliation is its own identity; <see cref="Guid.Empty"/> otherwise (not null,
    /// so the unique index holds: NULLs never collide).
    /// </summary>
    public Guid SubcontractId { get; set; }

    public int Revision { get; set; }
    public Guid SettlementRunId { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    public string RulesVersion { get; set; } = SettlementRules.RulesVersion;

    /// <summary>Statement total, PGB amount, or T of a reconciliation (signed).</summary>
    public long AmountCents { get; set; }

    /// <summary>The hoofdaanbieder: payer of a statement, holder of the area otherwise.</summary>
    public Guid TenantId { get; set; }

    /// <summary>The onderaannemer of a statement; null otherwise.</summary>
    public Guid? OnderaannemerId { get; set; }

    /// <summary>SHA-256 (hex) of the result's content without id, revision, run and time.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>The result's explanation, in <see cref="DocumentFormat"/>, without the revision-specific fields (filled from the columns on read).</summary>
    public string Document { get; set; } = "";

    public SettlementDocumentFormat DocumentFormat { get; set; } = SettlementDocumentFormat.Explanation;
}

/// <summary>How <see cref="SettlementResult.Document"/> is written. Rows are never rewritten, so both are read.</summary>
public enum SettlementDocumentFormat
{
    /// <summary>Rows stored before the explanation existed: the wire message as protobuf JSON.</summary>
    ProtoJson = 1,

    /// <summary>The canonical JSON of a <see cref="SettlementExplanation"/> (<see cref="ExplanationJson"/>).</summary>
    Explanation = 2,
}
