using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Subcontracts;

/// <summary>
/// The facts a proposal is checked against, gathered by the caller (infrastructure) so the rule
/// itself stays free of data access.
/// </summary>
/// <param name="HoofdaanbiederId">The proposing tenant (from the token, never from the request).</param>
/// <param name="Onderaannemer">The provider named in the request, or null when no such provider exists.</param>
/// <param name="AreasHeldOnStart">Areas the hoofdaanbieder holds on the first day of validity.</param>
public sealed record SubcontractProposal(
    Guid HoofdaanbiederId,
    Providers.Provider? Onderaannemer,
    IReadOnlyList<int> AreaIds,
    IReadOnlyList<(Product? Product, Unit? Unit, long RateCents)> Rates,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlySet<int> AreasHeldOnStart);
