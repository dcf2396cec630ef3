namespace GonPortal.Domain.Hours;

/// <summary>
/// What the server found about an approved entry before its approval may be undone
/// (<see cref="HourEntry.UndoApproval"/>).
/// </summary>
/// <param name="StatementRunCoversMonth">A statement run (queued, running or succeeded) exists for the entry's month.</param>
/// <param name="ReversedByEntryId">A non-rejected reversal of the entry, if any.</param>
public sealed record ApprovalUndoFacts(bool StatementRunCoversMonth, Guid? ReversedByEntryId);
