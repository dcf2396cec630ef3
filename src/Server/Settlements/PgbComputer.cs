using GonPortal.Domain.Budgets;
using GonPortal.Domain.Settlements;

namespace GonPortal.Server.Settlements;

/// <summary>PGB settlement of an area and year, provisional or final (settlement-rules.md §2), with <see cref="PgbSettlement.Compute"/>.</summary>
internal sealed class PgbComputer(ISettlementRunFaults faults)
{
    public async Task<List<ComputedResult>> ComputeAsync(SettlementRun run, PgbRunInputs inputs, ReportProgress progress, CancellationToken ct)
    {
        await progress("loading PGB inputs and year parameters", 0, 2);
        await faults.BeforeItemAsync(run.Id, 0, ct);
        var (set, p) = (inputs.Figures, inputs.Parameters);
        await progress("computing the PGB settlement", 1, 2);
        var kind = run.Kind == SettlementKind.PgbFinal ? PgbSettlementKind.Final : PgbSettlementKind.Provisional;
        var result = PgbSettlement.Compute(new PgbSettlementInput(
            run.AreaId, run.Year, set.Baseline.ClientCount,
            set.Counts.Select(c => new MonthlyPgbCount(c.Month, c.ClientCount)).ToList(),
            set.Cost.AverageCostCents, BudgetLimits.Fraction(p.PgbDeadBandBp), BudgetLimits.Fraction(p.PgbCompensationShareBp)), kind);

        var explanation = new PgbExplanation(result, ParametersUsed.Of(p), set.Contract.Id, set.Baseline.ReferenceDate,
            set.Counts.Select(PgbCountUsed.Of).ToList());
        return [new ComputedResult(run.Kind, run.AreaId, run.Year, 0, Guid.Empty, set.Contract.HoofdaanbiederId, null,
            result.SettlementCents, explanation, [], [])];
    }
}
