using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Subcontracts;

/// <summary>
/// What the hoofdaanbieder pays per unit of a product, in euro cents, during one validity period
/// (settlement-rules.md §3). Periods of one product and unit never overlap; the last one is open
/// (<see cref="ValidTo"/> null) and ends with the subcontract.
/// </summary>
public sealed record SubcontractRate(Product Product, Unit Unit, long RateCents, DateOnly ValidFrom, DateOnly? ValidTo)
{
    /// <summary>Upper bound that catches typos in cents versus euros (EUR 1,000,000.00).</summary>
    public const long MaxRateCents = 100_000_000;

    /// <summary>True when this rate is in force on <paramref name="date"/> (both ends counted).</summary>
    public bool Covers(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}
