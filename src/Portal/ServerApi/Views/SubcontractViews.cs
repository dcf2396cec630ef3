using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>One subcontract as the lists show it.</summary>
public sealed record SubcontractRow(
    string Id,
    string Hoofdaanbieder,
    string Onderaannemer,
    IReadOnlyList<string> Areas,
    SubcontractState State,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<RateView> Rates,
    DateTimeOffset? ProposedAt,
    string ConsentReference,
    string RefusalReason,
    string CloseReason);

/// <summary>A rate of a subcontract.</summary>
public sealed record RateView(Product Product, Unit Unit, long RateCents);

/// <summary>The subcontracts the caller may see (one page).</summary>
public sealed record SubcontractList(IReadOnlyList<SubcontractRow> Rows, bool HasMore);

/// <summary>What the hoofdaanbieder fills in to propose a subcontract.</summary>
public sealed class SubcontractProposal
{
    public string RequestId { get; set; } = Guid.NewGuid().ToString("N");
    public string OnderaannemerId { get; set; } = string.Empty;
    public HashSet<int> AreaIds { get; } = [];
    public List<RateInput> Rates { get; } = [new()];
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}

/// <summary>One rate line of a proposal; the amount as typed (euros with a decimal comma).</summary>
public sealed class RateInput
{
    public Product Product { get; set; } = Product.Begeleiding;
    public Unit Unit { get; set; } = Unit.Hour;
    public string Amount { get; set; } = string.Empty;

    /// <summary>The person confirmed an amount beyond the plausible rate ("Ja, dit klopt").</summary>
    public bool Confirmed { get; set; }
}

/// <summary>One subcontract with every rate period and the history of rate changes (newest first).</summary>
public sealed record SubcontractDetail(SubcontractRow Row, IReadOnlyList<RatePeriodView> Periods, IReadOnlyList<RateChangeView> Changes);

/// <summary>A rate in force from <paramref name="From"/> to <paramref name="To"/> (null: until the subcontract ends).</summary>
public sealed record RatePeriodView(Product Product, Unit Unit, long RateCents, DateOnly? From, DateOnly? To);

/// <summary>A recorded rate change: from when, old (null for a first rate) and new rate, why, who and when.</summary>
public sealed record RateChangeView(
    Product Product, Unit Unit, DateOnly? EffectiveFrom, long? OldRateCents, long NewRateCents, string Reason, string ChangedBy, DateTimeOffset? ChangedAt);

/// <summary>What the hoofdaanbieder fills in to change a rate; the amount as typed (euros with a decimal comma).</summary>
public sealed class RateChangeInput
{
    public Product Product { get; set; } = Product.Begeleiding;
    public Unit Unit { get; set; } = Unit.Hour;
    public string Amount { get; set; } = string.Empty;
    public DateOnly? EffectiveFrom { get; set; }
    public string Reason { get; set; } = string.Empty;
}
