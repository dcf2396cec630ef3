namespace GonPortal.Domain.Hours;

/// <summary>
/// Who executes one effective-dated version of an arrangement. The version applies from
/// <paramref name="EffectiveFrom"/> until the day before the next version starts.
/// </summary>
/// <param name="ExecutorProviderId">The hoofdaanbieder (own staff) or the onderaannemer.</param>
/// <param name="Subcontract">The subcontract when an onderaannemer executes; null for own staff.</param>
public sealed record ExecutorVersionFacts(DateOnly EffectiveFrom, Guid ExecutorProviderId, SubcontractFacts? Subcontract = null);
