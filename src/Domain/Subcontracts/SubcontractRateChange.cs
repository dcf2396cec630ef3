using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Subcontracts;

/// <summary>
/// One recorded rate change of a subcontract (settlement-rules.md §3): from which day, the rate in
/// force the day before (null when the product and unit had no rate yet), the new rate, why, and
/// who recorded it when. Visible to both parties and the gemeente; never changed afterwards.
/// </summary>
/// <param name="ChangedBy">Subject of the person who recorded it.</param>
/// <param name="ChangedByName">Their display name, for the history on screen; may be empty.</param>
public sealed record SubcontractRateChange(
    Product Product,
    Unit Unit,
    DateOnly EffectiveFrom,
    long? OldRateCents,
    long NewRateCents,
    string Reason,
    string ChangedBy,
    string ChangedByName,
    DateTimeOffset ChangedAt);
