using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>One client in a list or on the detail page.</summary>
public sealed record ClientView(
    string Id,
    int AreaId,
    string DisplayName,
    string Bsn,
    DateOnly? DateOfBirth,
    string Postcode,
    string City,
    string Phone,
    string Email);

/// <summary>Search and filters of the client list, as typed.</summary>
public sealed record ClientQuery(string? Text, int AreaId, string? Postcode, string? Bsn);

/// <summary>A referral by WIJ with its outcome (the states of the arrangements made for it).</summary>
public sealed record ReferralView(
    string Id,
    string ClientId,
    string ClientName,
    int AreaId,
    string Hoofdaanbieder,
    string WijTeam,
    IReadOnlyList<string> Goals,
    ReferralState State,
    DateTimeOffset? ReferredAt,
    string CloseReason,
    IReadOnlyList<ArrangementSummary> Outcome)
{
    /// <summary>Products WIJ considers needed (advisory).</summary>
    public IReadOnlyList<Product> IndicatedProducts { get; init; } = [];

    /// <summary>True when the resident directs their own support (eigen regie).</summary>
    public bool SelfDirected { get; init; }

    /// <summary>WIJ's context for the hoofdaanbieder; empty when none.</summary>
    public string Note { get; init; } = string.Empty;
}

/// <summary>An arrangement in one line: what, which state.</summary>
public sealed record ArrangementSummary(string Id, SupportType SupportType, Product Product, ArrangementState State);

/// <summary>A client registered (or found: the same BSN in the area already existed).</summary>
public sealed record RegisteredClient(ClientView Client, bool Existing);

/// <summary>A referral just made: to which hoofdaanbieder it went.</summary>
public sealed record ReferralMade(string Id, string Hoofdaanbieder);
