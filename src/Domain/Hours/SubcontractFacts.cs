using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Hours;

/// <summary>
/// The subcontract behind an arrangement version executed by an onderaannemer, as far as hour
/// entries need it. Kept apart from the Subcontract entity so hour rules can be tested without it.
/// </summary>
/// <param name="InEffect">Consented by the gemeente (also when ended later: <paramref name="ValidTo"/> then holds the end date).</param>
/// <param name="ValidTo">Last valid day (inclusive); null means open-ended.</param>
/// <param name="AreaIds">Areas it covers.</param>
/// <param name="Products">Products it has a rate for.</param>
public sealed record SubcontractFacts(
    Guid Id,
    bool InEffect,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    IReadOnlySet<int> AreaIds,
    IReadOnlySet<Product> Products)
{
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}
