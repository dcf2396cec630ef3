using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>The caller's organisation as the Server resolved it from the access token.</summary>
public sealed record OrganisationView(string Id, string Name, string Kind, string Role, IReadOnlyList<string> Areas, IReadOnlyList<int> AreaIds);

/// <summary>A provider in the register (for choosing an onderaannemer).</summary>
public sealed record ProviderView(string Id, string Name);

/// <summary>A GON area (gebied).</summary>
public sealed record AreaView(int Id, string Code, string Name);

/// <summary>A product with the units it may be allocated in.</summary>
public sealed record ProductView(Product Product, string Name, IReadOnlyList<Unit> AllowedUnits);

/// <summary>One page of a list with the token of the next page (empty on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken)
{
    public bool HasNext => !string.IsNullOrEmpty(NextPageToken);
}

/// <summary>An area contract: which hoofdaanbieder holds an area in which period.</summary>
public sealed record AreaContractView(string Id, int AreaId, string Hoofdaanbieder, DateOnly? PeriodStart, DateOnly? PeriodEnd);
