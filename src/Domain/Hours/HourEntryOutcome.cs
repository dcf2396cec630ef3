namespace GonPortal.Domain.Hours;

/// <summary>What happens to one entry of a batch or stream.</summary>
public enum HourEntryOutcomeKind
{
    /// <summary>New and valid: store it.</summary>
    Created = 1,

    /// <summary>Same key and same content as a stored entry (or an earlier one of the batch): store nothing.</summary>
    Existing = 2,

    /// <summary>Refused with at least one reason.</summary>
    Rejected = 3,
}

/// <summary>
/// The verdict on one entry. A rejected entry lists every reason found, best first in the
/// contract's order; <see cref="Rejection"/> is the one the contract reports.
/// </summary>
/// <param name="Index">Zero-based position in the batch or stream.</param>
/// <param name="Accepted">Set when <see cref="HourEntryOutcomeKind.Created"/>.</param>
/// <param name="ExistingEntryId">Set when existing because of a stored entry.</param>
/// <param name="DuplicateOfIndex">Set when existing because of an earlier entry of the same batch.</param>
public sealed record HourEntryOutcome(
    int Index,
    HourEntryOutcomeKind Kind,
    AcceptedHourEntry? Accepted,
    Guid? ExistingEntryId,
    int? DuplicateOfIndex,
    IReadOnlyList<HourEntryRejection> Rejections)
{
    /// <summary>The reason to report: the first in the contract's order; null unless rejected.</summary>
    public HourEntryRejection? Rejection => Rejections.Count > 0 ? Rejections[0] : null;

    public bool IsRejected => Kind == HourEntryOutcomeKind.Rejected;
}
