using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Subcontracts;

/// <summary>A hoofdaanbieder's request to change a subcontract rate from a date; fields as received (null when missing or invalid).</summary>
public sealed record RateChangeRequest(Product? Product, Unit? Unit, long RateCents, DateOnly? EffectiveFrom, string? Reason);
