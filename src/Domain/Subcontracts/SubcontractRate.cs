using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Subcontracts;

/// <summary>What the hoofdaanbieder pays per unit of a product, in euro cents.</summary>
public sealed record SubcontractRate(Product Product, Unit Unit, long RateCents)
{
    /// <summary>Upper bound that catches typos in cents versus euros (EUR 1,000,000.00).</summary>
    public const long MaxRateCents = 100_000_000;
}
