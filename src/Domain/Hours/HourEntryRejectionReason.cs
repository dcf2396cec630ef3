namespace GonPortal.Domain.Hours;

/// <summary>
/// Why an hour entry is not accepted. Values equal hours.proto HourEntryRejectionReason so the
/// server maps them one to one; <see cref="HourEntryRejectionReasons.Rank"/> gives the order in
/// which the contract picks the one reason it reports.
/// </summary>
public enum HourEntryRejectionReason
{
    /// <summary>No such arrangement, or the reporter executes none of its versions (same answer, so it cannot be probed).</summary>
    UnknownArrangement = 1,

    /// <summary>Not active on the service date, or another organisation executes the version in force then.</summary>
    DateOutsideArrangement = 2,

    /// <summary>Onderaannemer: the subcontract of the version in force does not cover the service date (or area, product).</summary>
    DateOutsideSubcontract = 3,

    /// <summary>The service date is after today in Europe/Amsterdam.</summary>
    DateInFuture = 4,

    /// <summary>Hour unit only: the client's minutes on that day would exceed 1,440.</summary>
    Over24HoursPerClientDay = 5,

    /// <summary>The unit is not the arrangement's unit.</summary>
    UnitMismatch = 6,

    /// <summary>The product is not the arrangement's product.</summary>
    ProductMismatch = 7,

    /// <summary>The entry key is already used (stored, or earlier in the batch) with different content.</summary>
    DuplicateKeyConflict = 8,

    /// <summary>A field is missing or malformed; the rejection names the field.</summary>
    InvalidField = 9,

    /// <summary>The reversed entry is unknown, not approved, already reversed, not the reporter's, or not mirrored.</summary>
    InvalidReversal = 10,
}

/// <summary>Ordering of rejection reasons.</summary>
public static class HourEntryRejectionReasons
{
    /// <summary>The contract's order (hours.proto): an entry reports the first reason that applies.</summary>
    public static readonly IReadOnlyList<HourEntryRejectionReason> Order =
    [
        HourEntryRejectionReason.InvalidField,
        HourEntryRejectionReason.DuplicateKeyConflict,
        HourEntryRejectionReason.UnknownArrangement,
        HourEntryRejectionReason.InvalidReversal,
        HourEntryRejectionReason.ProductMismatch,
        HourEntryRejectionReason.UnitMismatch,
        HourEntryRejectionReason.DateInFuture,
        HourEntryRejectionReason.DateOutsideArrangement,
        HourEntryRejectionReason.DateOutsideSubcontract,
        HourEntryRejectionReason.Over24HoursPerClientDay,
    ];

    /// <summary>Position in <see cref="Order"/>; lower wins.</summary>
    public static int Rank(this HourEntryRejectionReason reason)
    {
        for (var i = 0; i < Order.Count; i++)
        {
            if (Order[i] == reason)
            {
                return i;
            }
        }
        return Order.Count;
    }
}
