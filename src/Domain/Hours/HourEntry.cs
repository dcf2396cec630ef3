using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Hours;

/// <summary>
/// Delivered care reported against a support arrangement, and its review by the hoofdaanbieder:
/// Submitted → Approved (locked for good: it counts for statements and settlements, so it is never
/// changed; a mistake is corrected with a reversal entry) or Submitted → Rejected (final, with the
/// reason shown to the reporter). Any other transition throws <see cref="InvalidStateException"/>.
/// Tenant-owned through <see cref="IAddedByParty"/>: the arrangement's hoofdaanbieder owns it
/// (<see cref="TenantId"/>, it reviews the entry) and the reporter (<see cref="ReportedByProviderId"/>)
/// added it, so the tenant filter shows it to both and lets the reporter add but never change it.
/// </summary>
public sealed class HourEntry : IAddedByParty
{
    private HourEntry() { }

    public Guid Id { get; private set; }
    public string EntryKey { get; private set; } = "";
    public Guid ArrangementId { get; private set; }
    public Guid ClientId { get; private set; }
    public int AreaId { get; private set; }
    /// <summary>The hoofdaanbieder owning the arrangement: owner and reviewer of the entry (the tenant).</summary>
    public Guid TenantId { get; private set; }

    public Guid HoofdaanbiederId => TenantId;
    public DateOnly ServiceDate { get; private set; }
    public Product Product { get; private set; }
    public Unit Unit { get; private set; }

    /// <summary>Minutes for the hour unit, a count otherwise; negative for a reversal.</summary>
    public int Quantity { get; private set; }

    public string ActivityNote { get; private set; } = "";
    public Guid ReportedByProviderId { get; private set; }

    /// <summary>The subcontract of the version in force on the service date; null for own staff.</summary>
    public Guid? SubcontractId { get; private set; }

    /// <summary>For a reversal: the approved entry it reverses.</summary>
    public Guid? ReversesEntryId { get; private set; }

    public HourEntryStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedBy { get; private set; }

    /// <summary>The approval note (optional) or the rejection reason.</summary>
    public string? ReviewNote { get; private set; }

    Guid IAddedByParty.AddedByTenantId => ReportedByProviderId;

    public bool IsReversal => ReversesEntryId is not null;

    /// <summary>Approved entries are locked: never changed, rejected or deleted.</summary>
    public bool IsLocked => Status == HourEntryStatus.Approved;

    public HourEntryContent Content =>
        new(ArrangementId, ServiceDate, Product, Unit, Quantity, ActivityNote, ReversesEntryId);

    /// <summary>Stores an entry that <see cref="HourEntryBatch"/> accepted; it waits for review.</summary>
    public static HourEntry Submit(Guid id, AcceptedHourEntry accepted, string submittedBy, DateTimeOffset now)
    {
        var c = accepted.Content;
        return new HourEntry
        {
            Id = id,
            EntryKey = accepted.EntryKey,
            ArrangementId = c.ArrangementId,
            ClientId = accepted.ClientId,
            AreaId = accepted.AreaId,
            TenantId = accepted.HoofdaanbiederId,
            ServiceDate = c.ServiceDate,
            Product = c.Product,
            Unit = c.Unit,
            Quantity = c.Quantity,
            ActivityNote = c.ActivityNote,
            ReportedByProviderId = accepted.ReportedByProviderId,
            SubcontractId = accepted.SubcontractId,
            ReversesEntryId = c.ReversesEntryId,
            Status = HourEntryStatus.Submitted,
            SubmittedAt = now,
            SubmittedBy = submittedBy,
        };
    }

    /// <summary>The hoofdaanbieder approves: the entry counts from now on and is locked.</summary>
    public void Approve(string by, string? note, DateTimeOffset now)
    {
        var v = new Violations();
        Text.Optional(v, "note", note, 1000);
        v.ThrowIfAny();
        RequireSubmitted("approve");
        Status = HourEntryStatus.Approved;
        Review(by, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), now);
    }

    /// <summary>The hoofdaanbieder rejects with a reason; the entry never counts.</summary>
    public void Reject(string by, string reason, DateTimeOffset now)
    {
        var v = new Violations();
        Text.Required(v, "reason", reason, 3, 1000);
        v.ThrowIfAny();
        RequireSubmitted("reject");
        Status = HourEntryStatus.Rejected;
        Review(by, reason.Trim(), now);
    }

    /// <summary>
    /// Undoes an approval: Approved → Submitted, so the entry can be reviewed again. Allowed only while the
    /// approval has had no consequence: no statement run covers the entry's month yet (statements are built
    /// from approved entries) and no reversal refers to it (a reversal is only accepted against an approved
    /// entry). Otherwise <see cref="InvalidStateException"/> says which of the two blocks it.
    /// </summary>
    public void UndoApproval(ApprovalUndoFacts facts)
    {
        if (Status != HourEntryStatus.Approved)
        {
            throw new InvalidStateException($"Cannot undo the approval of hour entry {Id} in state {Status}; only {HourEntryStatus.Approved} entries have one.");
        }
        if (facts.StatementRunCoversMonth)
        {
            throw new InvalidStateException($"Cannot undo the approval of hour entry {Id}: a statement run covers {ServiceDate.Year}-{ServiceDate.Month:D2}.",
                ErrorReasons.HourApprovalUndoBlocked, new Dictionary<string, string> { ["year"] = $"{ServiceDate.Year}", ["month"] = $"{ServiceDate.Month}" });
        }
        if (facts.ReversedByEntryId is { } reversal)
        {
            throw new InvalidStateException($"Cannot undo the approval of hour entry {Id}: reversal {reversal} refers to it.");
        }
        Status = HourEntryStatus.Submitted;
        ReviewedAt = null;
        ReviewedBy = null;
        ReviewNote = null;
    }

    /// <summary>The facts a later entry with the same key, or a reversal of this one, is checked against.</summary>
    /// <param name="reversedByEntryId">A non-rejected reversal of this entry, if the server found one.</param>
    public StoredEntryFacts ToFacts(Guid? reversedByEntryId = null) =>
        new(Id, ReportedByProviderId, Content, Status, reversedByEntryId);

    private void Review(string by, string? note, DateTimeOffset now)
    {
        ReviewedAt = now;
        ReviewedBy = by;
        ReviewNote = note;
    }

    private void RequireSubmitted(string action)
    {
        if (Status != HourEntryStatus.Submitted)
        {
            var why = Status == HourEntryStatus.Approved ? "approved entries are locked" : "a rejection is final";
            throw new InvalidStateException($"Cannot {action} hour entry {Id} in state {Status}; it must be {HourEntryStatus.Submitted} ({why}).",
                ErrorReasons.HourEntryNotSubmitted, new Dictionary<string, string> { ["status"] = Status.ToString().ToUpperInvariant(), ["action"] = action });
        }
    }
}
