namespace GonPortal.Domain.Hours;

/// <summary>
/// A stored entry as the checks of a new entry see it: either the reporter's entry with the same
/// key (idempotency) or the entry a reversal points to.
/// </summary>
/// <param name="ReportedByProviderId">The organisation that reported it.</param>
/// <param name="ReversedByEntryId">A reversal of it that is not rejected (submitted or approved); null when none.
/// A pending reversal already blocks a second one, a rejected one frees the entry again.</param>
public sealed record StoredEntryFacts(
    Guid Id,
    Guid ReportedByProviderId,
    HourEntryContent Content,
    HourEntryStatus Status,
    Guid? ReversedByEntryId = null);
