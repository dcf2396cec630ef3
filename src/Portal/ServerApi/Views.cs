namespace GonPortal.Portal.ServerApi;

/// <summary>The caller's organisation as the Server resolved it from the access token.</summary>
public sealed record OrganisationView(string Id, string Name, string Kind, string Role, IReadOnlyList<string> Areas);

/// <summary>One row of the subcontracts table.</summary>
public sealed record SubcontractRow(
    string Id,
    string Hoofdaanbieder,
    string Onderaannemer,
    IReadOnlyList<string> Areas,
    string State,
    DateOnly? ValidFrom,
    DateOnly? ValidTo);

/// <summary>The subcontracts the caller may see (first page).</summary>
public sealed record SubcontractList(IReadOnlyList<SubcontractRow> Rows, bool HasMore);

/// <summary>A GON area (gebied).</summary>
public sealed record AreaView(int Id, string Code, string Name);
