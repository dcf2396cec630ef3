namespace GonPortal.Domain.Hours;

/// <summary>Review status of an hour entry (hours.proto HourEntryStatus); only approved entries count.</summary>
public enum HourEntryStatus
{
    /// <summary>Stored, waiting for the hoofdaanbieder's review.</summary>
    Submitted = 1,

    /// <summary>Approved by the hoofdaanbieder: counts and is locked for good.</summary>
    Approved = 2,

    /// <summary>Rejected by the hoofdaanbieder with a reason (final); never counts.</summary>
    Rejected = 3,
}
