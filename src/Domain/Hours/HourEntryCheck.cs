namespace GonPortal.Domain.Hours;

/// <summary>
/// One entry with the facts the server gathered for it beforehand. Null facts mean "not found" (or
/// not visible to the reporter, which must look the same).
/// </summary>
/// <param name="Arrangement">The arrangement named by arrangement_id.</param>
/// <param name="StoredWithSameKey">The reporter's stored entry with the same entry_key.</param>
/// <param name="ReversedEntry">The entry named by reverses_entry_id.</param>
/// <param name="StoredClientDayMinutes">Signed sum of minutes of stored, non-rejected hour-unit entries of the
/// arrangement's client on the service date, over all arrangements and reporters (reversals subtract).</param>
public sealed record HourEntryCheck(
    HourEntryInput Input,
    ArrangementFacts? Arrangement,
    StoredEntryFacts? StoredWithSameKey = null,
    StoredEntryFacts? ReversedEntry = null,
    int StoredClientDayMinutes = 0);
