using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>A settlement run with its state and progress.</summary>
public sealed record SettlementRunView(
    string Id,
    SettlementRunKind Kind,
    int AreaId,
    int Year,
    int Month,
    SettlementRunState State,
    SettlementRunTrigger Trigger,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? FinishedAt,
    int ProgressPercent,
    string ProgressStage,
    int ItemsDone,
    int ItemsTotal,
    int NewRevisionCount,
    int UnchangedCount,
    int Revision,
    string ErrorCode,
    string ErrorMessage,
    DateTimeOffset? HeartbeatAt = null)
{
    /// <summary>Still queued, running or stalled (waiting for another server to take it over): the page keeps following it.</summary>
    public bool InProgress => State is SettlementRunState.Queued or SettlementRunState.Running or SettlementRunState.Stalled;
}

/// <summary>The answer to starting a run: the run, and whether an identical run was already under way.</summary>
public sealed record StartedRunView(SettlementRunView Run, bool JoinedExisting);

/// <summary>One stored revision of a result.</summary>
public sealed record SettlementRevisionView(SettlementRunKind Kind, int AreaId, int Year, int Month, string SubcontractId, int Revision, DateTimeOffset? ComputedAt, long AmountCents, bool Superseded);

/// <summary>One line of a subcontractor statement.</summary>
public sealed record StatementLineView(int AreaId, Product Product, Unit Unit, long RateCents, long Quantity, long AmountCents, int EntryCount);

/// <summary>A subcontractor statement (one revision).</summary>
public sealed record StatementView(
    string Id,
    string SubcontractId,
    string Hoofdaanbieder,
    string Onderaannemer,
    int Year,
    int Month,
    IReadOnlyList<StatementLineView> Lines,
    long TotalCents,
    int Revision,
    bool Superseded,
    string RulesVersion,
    DateTimeOffset? ComputedAt);

/// <summary>An exact fraction from the Server, with its display value (never computed with).</summary>
public sealed record ExactView(string Numerator, string Denominator, string Rounded)
{
    /// <summary>"176,2857" or "-3/7 (≈ -0,4286)"; the rounding is the Server's.</summary>
    public string Text => Denominator == "1"
        ? Numerator
        : $"{Numerator}/{Denominator} (≈ {Rounded.Replace('.', ',')})";
}

/// <summary>A PGB settlement with every input and intermediate figure.</summary>
public sealed record PgbSettlementView(
    SettlementRunKind Kind,
    int AreaId,
    int Year,
    int Revision,
    bool Superseded,
    string RulesVersion,
    int ParametersVersion,
    DateTimeOffset? ComputedAt,
    int BaselineClientCount,
    DateOnly? BaselineReferenceDate,
    IReadOnlyList<(int Month, int Count)> MonthlyCounts,
    int MonthsUsed,
    long MonthlyCountSum,
    ExactView AverageClientCount,
    ExactView Difference,
    int DeadBandBp,
    ExactView DeadBandClients,
    ExactView DifferenceAfterDeadBand,
    long AverageCostCents,
    int CompensationShareBp,
    long PgbAmountCents);

/// <summary>A statement used for S in a reconciliation.</summary>
public sealed record StatementUseView(string SubcontractId, string OnderaannemerName, int Month, int Revision, long AreaAmountCents);

/// <summary>A share on the target date against its target.</summary>
public sealed record TargetView(int ShareBp, int TargetBp, TargetStatus Status, long Numerator, long Denominator);

/// <summary>The yearly reconciliation with every input and intermediate figure, as the Server computed it.</summary>
public sealed record ReconciliationView(
    string Id,
    int AreaId,
    int Year,
    string Hoofdaanbieder,
    int Revision,
    bool Superseded,
    string RulesVersion,
    int ParametersVersion,
    DateTimeOffset? ComputedAt,
    LumpsumView Lumpsum,
    long TotalLumpsumCents,
    int PgbSettlementRevision,
    long PgbAmountCents,
    long RevenueCents,
    long SubcontractorCostsCents,
    IReadOnlyList<StatementUseView> StatementsUsed,
    long OwnDeliveryCostsCents,
    bool YearReportLocked,
    DateTimeOffset? YearReportSubmittedAt,
    long CostsCents,
    long ResultCents,
    int ProfitCapBp,
    long ProfitCapCents,
    int HourArrangementCount,
    ExactView AllocatedHours,
    ExactView DeliveredHours,
    ExactView UnmetHours,
    long ReferenceHourlyRateCents,
    long StaffShortageCents,
    long StaffShortageReclaimCents,
    long ExcessProfitCents,
    DateOnly? TargetDate,
    TargetView BasisShare,
    TargetView InitiativeShare,
    int SanctionBp,
    long BasisShareSanctionCents,
    long InitiativeShareSanctionCents,
    long SanctionsCents,
    long RepaymentCents);

/// <summary>One arrangement's contribution to U.</summary>
public sealed record StaffShortageLineView(string ArrangementId, string ClientId, string ClientName, Product Product, ExactView AllocatedHours, ExactView DeliveredHours, ExactView UnmetHours);
