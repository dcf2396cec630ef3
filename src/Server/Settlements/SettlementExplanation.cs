using System.Text.Json.Serialization;
using GonPortal.Domain.Budgets;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Everything a stored result revision is explained with: the domain result with every input and
/// intermediate figure, plus what the domain does not know (parameter version, area contract,
/// reference dates, which stored rows were used). Stored as <see cref="ExplanationJson"/>; the wire
/// messages are made from it by the gRPC layer. Revision-specific fields (id, revision, run, time)
/// are columns of the row, never part of it, so equal content hashes equal.
/// </summary>
internal abstract record SettlementExplanation;

/// <summary>A subcontractor statement with its parties.</summary>
internal sealed record StatementExplanation(SubcontractorStatementResult Statement, Guid HoofdaanbiederId, Guid OnderaannemerId)
    : SettlementExplanation;

/// <summary>A PGB settlement with the parameter version, baseline and monthly counts it used.</summary>
internal sealed record PgbExplanation(
    PgbSettlementResult Settlement,
    ParametersUsed Parameters,
    Guid AreaContractId,
    DateOnly BaselineReferenceDate,
    IReadOnlyList<PgbCountUsed> MonthlyCounts) : SettlementExplanation;

/// <summary>A reconciliation with the stored rows and year report it used.</summary>
/// <param name="AdjustmentIds">The ventiel adjustments in Ltot, oldest first.</param>
/// <param name="TargetDate">Measurement date of the targets (31 December).</param>
internal sealed record ReconciliationExplanation(
    ReconciliationResult Reconciliation,
    ParametersUsed Parameters,
    Guid AreaContractId,
    IReadOnlyList<Guid> AdjustmentIds,
    Guid PgbSettlementId,
    int PgbSettlementRevision,
    IReadOnlyList<StatementUsed> StatementsUsed,
    bool YearReportLocked,
    DateTimeOffset YearReportSubmittedAt,
    DateOnly TargetDate) : SettlementExplanation;

/// <summary>One monthly PGB count as it was when used, with who entered it.</summary>
internal sealed record PgbCountUsed(int Month, int ClientCount, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static PgbCountUsed Of(PgbMonthlyCount c) => new(c.Month, c.ClientCount, c.UpdatedAt.ToUniversalTime(), c.UpdatedBy);
}

/// <summary>One statement revision behind S, with its amount for the reconciled area.</summary>
internal sealed record StatementUsed(Guid ResultId, Guid SubcontractId, int Month, int Revision, long AreaAmountCents);

/// <summary>
/// The year parameter version a result used, as it was then. Times are kept in UTC so the same
/// instant read back from another provider gives the same document.
/// </summary>
internal sealed record ParametersUsed(
    int Year,
    int Version,
    int ProfitCapBp,
    long ReferenceHourlyRateCents,
    int PgbDeadBandBp,
    int PgbCompensationShareBp,
    int BasisShareTargetBp,
    int InitiativeShareTargetBp,
    int SanctionBp,
    string ChangeNote,
    DateTimeOffset? CreatedAt,
    string CreatedBy,
    // rd(y) and re(y) came later (rules 1.1 §6) and no settlement uses them: left out of the document
    // while 0, so documents stored before them hash the same and a rerun stores nothing new.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long ReferenceDagdeelRateCents = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long ReferenceEtmaalRateCents = 0)
{
    public static ParametersUsed Of(YearParameters p) => new(
        p.Year, p.Version, p.ProfitCapBp, p.ReferenceHourlyRateCents, p.PgbDeadBandBp, p.PgbCompensationShareBp,
        p.BasisShareTargetBp, p.InitiativeShareTargetBp, p.SanctionBp, p.ChangeNote, p.CreatedAt?.ToUniversalTime(), p.CreatedBy,
        p.ReferenceDagdeelRateCents, p.ReferenceEtmaalRateCents);
}
