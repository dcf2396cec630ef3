using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>The parameters of the settlement rules for a year, as one version (0 = the rule defaults).</summary>
public sealed record YearParametersView(
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
    long ReferenceDagdeelRateCents = 0,
    long ReferenceEtmaalRateCents = 0);

/// <summary>What a gemeente user types for a new version of the year parameters; strings keep what was typed.</summary>
public sealed class YearParametersInput
{
    public string ProfitCap { get; set; } = string.Empty;
    public string ReferenceHourlyRate { get; set; } = string.Empty;
    public string ReferenceDagdeelRate { get; set; } = string.Empty;
    public string ReferenceEtmaalRate { get; set; } = string.Empty;
    public string PgbDeadBand { get; set; } = string.Empty;
    public string PgbCompensationShare { get; set; } = string.Empty;
    public string BasisShareTarget { get; set; } = string.Empty;
    public string InitiativeShareTarget { get; set; } = string.Empty;
    public string Sanction { get; set; } = string.Empty;
    public string ChangeNote { get; set; } = string.Empty;
}

/// <summary>The index of one year: prognosis, definitive figure and the one in force.</summary>
public sealed record IndexRateView(
    int Year,
    int? PrognosisBp,
    int? DefinitiveBp,
    int EffectiveBp,
    IndexKind EffectiveKind,
    string PrognosisSource,
    string DefinitiveSource,
    DateTimeOffset? UpdatedAt);

/// <summary>A ventiel adjustment V(a, y).</summary>
public sealed record BudgetAdjustmentView(
    string Id,
    int AreaId,
    int Year,
    long AmountCents,
    BudgetAdjustmentReason Reason,
    string Description,
    DateTimeOffset? CreatedAt,
    string CreatedBy);

/// <summary>The base lumpsum B(a) of an area contract.</summary>
public sealed record BaseLumpsumView(string AreaContractId, int AreaId, string Hoofdaanbieder, int BaseYear, long? AmountCents, DateTimeOffset? UpdatedAt);

/// <summary>One year of the index chain.</summary>
public sealed record IndexedLumpsumView(int Year, int IndexBp, IndexKind IndexKind, long LumpsumCents);

/// <summary>How Ltot of an area and year is made up, as the Server computed it.</summary>
public sealed record LumpsumView(
    int AreaId,
    int Year,
    int BaseYear,
    long BaseLumpsumCents,
    IReadOnlyList<IndexedLumpsumView> Chain,
    long LumpsumCents,
    long AdjustmentsTotalCents,
    int AdjustmentCount,
    long TotalLumpsumCents);

/// <summary>The lumpsum of an area and year with its twelve monthly advances.</summary>
public sealed record AreaBudgetView(int AreaId, int Year, string Hoofdaanbieder, LumpsumView Calculation, IReadOnlyList<(int Month, long AmountCents)> MonthlyAdvances);

/// <summary>The PGB inputs of an area and year.</summary>
public sealed record PgbYearView(
    int AreaId,
    int Year,
    string? BaselineContractId,
    DateOnly? BaselineDate,
    int? BaselineCount,
    IReadOnlyDictionary<int, int> MonthlyCounts,
    long? AverageCostCents);

/// <summary>The outcome of a PGB CSV import, or the lines the Server refused.</summary>
public sealed record PgbImportView(int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<CsvLineError> Errors);

/// <summary>One refused line of a CSV file (line 1 is the header).</summary>
public sealed record CsvLineError(int Line, string Column, string Message);

/// <summary>A hoofdaanbieder's year report of own delivery costs O.</summary>
public sealed record YearReportView(
    int AreaId,
    int Year,
    string Hoofdaanbieder,
    long OwnDeliveryCostsCents,
    string Note,
    DateTimeOffset? SubmittedAt,
    bool Locked,
    DateTimeOffset? LockedAt);

/// <summary>The budget position of an area up to a month, every figure from the Server.</summary>
public sealed record BudgetPositionView(
    int AreaId,
    int Year,
    int Month,
    long TotalLumpsumCents,
    long AdvancesToDateCents,
    long SubcontractorCostsToDateCents,
    int MonthsWithStatements,
    long OwnApprovedMinutesToDate,
    long OwnCostsEstimateToDateCents,
    long CostsToDateCents,
    long BalanceToDateCents,
    long ProjectedCostsYearEndCents,
    long PgbSettlementCents,
    bool PgbSettlementFinal,
    long ProjectedResultYearEndCents,
    BudgetPositionOwnUnits OwnUnits,
    IReadOnlyList<int> CompleteMonths,
    bool ProjectionAvailable);

/// <summary>Own approved dagdelen and etmalen of a budget position, their value and the reference rates used (0: not estimated).</summary>
public sealed record BudgetPositionOwnUnits(
    long Dagdelen,
    long Etmalen,
    long HourCostsCents,
    long DagdeelCostsCents,
    long EtmaalCostsCents,
    long HourlyRateCents,
    long DagdeelRateCents,
    long EtmaalRateCents);
