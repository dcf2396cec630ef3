using System.Security.Cryptography;
using Google.Protobuf;
using GonPortal.Domain.Settlements;

namespace GonPortal.Server.Settlements;

/// <summary>
/// A result a run computed, before it is stored: its identity, owners, headline amount, the result
/// document without revision-specific fields, and the rows behind it.
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
    IMessage Document,
    IReadOnlyList<SettlementStatementLine> StatementLines,
    IReadOnlyList<SettlementShortageLine> ShortageLines)
{
    /// <summary>Protobuf C# writes fields in field order and the documents hold no maps, so equal content hashes equal.</summary>
    public string ContentHash => Convert.ToHexString(SHA256.HashData(Document.ToByteArray()));
}

/// <summary>Reports progress of the running attempt (each call is one small committed update that also renews the lease).</summary>
internal delegate Task ReportProgress(string stage, int itemsDone, int itemsTotal);
