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
