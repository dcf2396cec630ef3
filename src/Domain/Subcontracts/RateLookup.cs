using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Subcontracts;

/// <summary>
/// The rate in force on a service date (settlement-rules.md §3). Approval of an hour entry and the
/// monthly statement both ask here, so "no rate on that date" means the same in both places.
/// </summary>
public static class RateLookup
{
    /// <summary>The period of <paramref name="product"/> per <paramref name="unit"/> covering <paramref name="date"/>, or null.</summary>
    public static SubcontractRate? InForce(IEnumerable<SubcontractRate> rates, Product product, Unit unit, DateOnly date) =>
        rates.FirstOrDefault(r => r.Product == product && r.Unit == unit && r.Covers(date));

    /// <summary>As <see cref="InForce"/>, but a missing rate is a wrong state naming the date.</summary>
    public static SubcontractRate Require(IEnumerable<SubcontractRate> rates, Product product, Unit unit, DateOnly date) =>
        InForce(rates, product, unit, date) ?? throw new InvalidStateException(Missing(product, unit, date));

    /// <summary>The precondition message: which product, unit and date lack a rate, and what to do.</summary>
    public static string Missing(Product product, Unit unit, DateOnly date) =>
        $"The subcontract has no rate for {product} per {unit} in force on {date:yyyy-MM-dd}; record one from that date (ChangeSubcontractRate) first.";
}
