using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;

namespace GonPortal.Server.Settlements;

/// <summary>
/// One line of a stored statement revision, as a row so that S (reconciliation) and budget positions
/// are summed in the database. Same owners as its statement.
/// </summary>
public sealed class SettlementStatementLine : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid SettlementResultId { get; set; }
    public int LineNumber { get; set; }
    public Guid TenantId { get; set; }
    public Guid? OnderaannemerId { get; set; }
    public Guid SubcontractId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public int AreaId { get; set; }
    public Product Product { get; set; }
    public Unit Unit { get; set; }
    public long RateCents { get; set; }
    public long Quantity { get; set; }
    public long AmountCents { get; set; }
    public int EntryCount { get; set; }
}

/// <summary>
/// One arrangement's contribution to U in a stored reconciliation revision. Exact hours are kept as
/// "numerator/denominator" text; <see cref="UnmetHoursValue"/> is a double for ordering only.
/// </summary>
public sealed class SettlementShortageLine : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid SettlementResultId { get; set; }
    public Guid TenantId { get; set; }
    public Guid ArrangementId { get; set; }
    public Guid ClientId { get; set; }
    public Product Product { get; set; }
    public string AllocatedHours { get; set; } = "";
    public long DeliveredMinutes { get; set; }
    public string UnmetHours { get; set; } = "";
    public double UnmetHoursValue { get; set; }
}
