using GonPortal.Domain.Budgets;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Budgets;

namespace GonPortal.Server.Settlements;

/// <summary>
/// What <see cref="SettlementInputLoader"/> found for a run: its preconditions hold, and the computer
/// takes these instead of reading them again.
/// </summary>
internal abstract record SettlementRunInputs;

/// <summary>Statements of an ended month: the month's first and last day.</summary>
internal sealed record StatementRunInputs(DateOnly From, DateOnly To) : SettlementRunInputs;

/// <summary>A PGB settlement's figures and the parameter version in force.</summary>
internal sealed record PgbRunInputs(PgbInputSet Figures, YearParameters Parameters) : SettlementRunInputs;

/// <summary>The stored final PGB settlement a reconciliation uses, from its columns.</summary>
internal sealed record FinalPgbUsed(Guid ResultId, int Revision, long AmountCents);

/// <summary>
/// One holder's part of a reconciliation: its holding period, its year report and, when the area
/// changed hands in the year (settlement-rules.md §7), its share of Ltot and PGB; null for the only holder.
/// </summary>
internal sealed record HolderReconciliationInputs(HolderPeriod Period, YearReport Report, HolderShare? Share);

/// <summary>The reconciliation's single-row inputs, one holder part per hoofdaanbieder of the year; the per-arrangement and per-statement sums are read by the computer.</summary>
internal sealed record ReconciliationRunInputs(
    AreaLumpsum Lumpsum,
    YearParameters Parameters,
    FinalPgbUsed Pgb,
    IReadOnlyList<HolderReconciliationInputs> Holders) : SettlementRunInputs;
