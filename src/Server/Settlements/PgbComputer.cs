using GonPortal.Domain.Budgets;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Budgets;
using GonPortal.Server.Grpc;
using V1 = GonPortal.Contracts.V1;
using DomainPgbKind = GonPortal.Domain.Settlements.SettlementRunKind;

namespace GonPortal.Server.Settlements;

/// <summary>PGB settlement of an area and year, provisional or final (settlement-rules.md §2), with <see cref="PgbSettlement.Compute"/>.</summary>
internal sealed class PgbComputer(PgbInputs inputs, YearParametersStore parameters, ISettlementRunFaults faults)
{
    public async Task<List<ComputedResult>> ComputeAsync(SettlementRun run, ReportProgress progress, CancellationToken ct)
    {
        await progress("loading PGB inputs and year parameters", 0, 2);
        await faults.BeforeItemAsync(run.Id, 0, ct);
        var set = await inputs.LoadAsync(run.Kind, run.AreaId, run.Year, ct);
        var p = await parameters.InForceAsync(run.Year, ct);
        await progress("computing the PGB settlement", 1, 2);
        var kind = run.Kind == SettlementKind.PgbFinal ? DomainPgbKind.Final : DomainPgbKind.Provisional;
        var result = PgbSettlement.Compute(new PgbSettlementInput(
            run.AreaId, run.Year, set.Baseline.ClientCount,
            set.Counts.Select(c => new MonthlyPgbCount(c.Month, c.ClientCount)).ToList(),
            set.Cost.AverageCostCents, BudgetLimits.Fraction(p.PgbDeadBandBp), BudgetLimits.Fraction(p.PgbCompensationShareBp)), kind);

        var document = new V1.PgbSettlement
        {
            Kind = SettlementProto.ToProto(run.Kind),
            AreaId = run.AreaId,
            Year = run.Year,
            RulesVersion = result.RulesVersion,
            Parameters = Budgets.BudgetMapping.ToProto(p),
            AreaContractId = set.Contract.Id.ToString(),
            BaselineClientCount = result.BaselineCount,
            BaselineReferenceDate = ProtoConvert.ToProto(set.Baseline.ReferenceDate),
            MonthsUsed = result.MonthsUsed,
            MonthlyCountSum = result.CountSum,
            AverageClientCount = SettlementProto.ToProto(result.AverageCount),
            Difference = SettlementProto.ToProto(result.Difference),
            PgbDeadBandBp = p.PgbDeadBandBp,
            DeadBandClients = SettlementProto.ToProto(result.DeadBandWidth),
            DifferenceAfterDeadBand = SettlementProto.ToProto(result.EffectiveDifference),
            AverageCostCents = result.AverageCostCents,
            PgbCompensationShareBp = p.PgbCompensationShareBp,
            PgbAmountCents = result.SettlementCents,
        };
        document.MonthlyCounts.AddRange(set.Counts.Select(Budgets.BudgetMapping.ToProto));
        return [new ComputedResult(run.Kind, run.AreaId, run.Year, 0, Guid.Empty, set.Contract.HoofdaanbiederId, null,
            result.SettlementCents, document, [], [])];
    }
}
