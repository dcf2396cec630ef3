namespace GonPortal.Domain.Hours;

/// <summary>
/// An entry that passed every check, with what the server stores next to the content: the
/// arrangement's client, area and owner, the reporter, and the subcontract of the version in force.
/// </summary>
/// <param name="EntryKey">The key as sent (keys compare exactly).</param>
/// <param name="SubcontractId">Null when the hoofdaanbieder's own staff reported.</param>
public sealed record AcceptedHourEntry(
    string EntryKey,
    HourEntryContent Content,
    Guid ClientId,
    int AreaId,
    Guid HoofdaanbiederId,
    Guid ReportedByProviderId,
    Guid? SubcontractId)
{
    /// <summary>Whether the hoofdaanbieder's own staff reported (else an onderaannemer).</summary>
    public bool ReportedByOwnStaff => SubcontractId is null;
}
