using GonPortal.Domain.Settlements;

namespace GonPortal.Server.Settlements;

/// <summary>
/// A result a run computed, before it is stored: its identity, owners, headline amount, its
/// explanation (without revision-specific fields) and the rows behind it.
/// </summary>
internal sealed record ComputedResult(
    SettlementKind Kind,
    int AreaId,
    int Year,
    int Month,
    Guid SubcontractId,
    Guid TenantId,
    Guid? OnderaannemerId,
    long AmountCents,
    SettlementExplanation Explanation,
    IReadOnlyList<SettlementStatementLine> StatementLines,
    IReadOnlyList<SettlementShortageLine> ShortageLines)
{
    /// <summary>The canonical document, as stored.</summary>
    public string Document { get; } = ExplanationJson.Serialize(Explanation);

    /// <summary>Equal content gives an equal document (<see cref="ExplanationJson"/>), so an equal hash.</summary>
    public string ContentHash => ExplanationJson.Hash(Document);
}

/// <summary>Reports progress of the running attempt (each call is one small committed update that also renews the lease).</summary>
internal delegate Task ReportProgress(string stage, int itemsDone, int itemsTotal);
