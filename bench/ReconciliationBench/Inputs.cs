using GonPortal.Contracts.V1;
using Grpc.Core;

namespace GonPortal.ReconciliationBench;

/// <summary>
/// Gives one area and year every input a reconciliation needs, through the real API (gemeente for
/// the budget figures, the hoofdaanbieder for its year report), so the bench does not depend on what
/// the demo seeding happens to contain.
/// </summary>
internal static class Inputs
{
    public static async Task PrepareAsync(CallInvoker gemeente, CallInvoker hoofdaanbieder, int area, int year)
    {
        var providers = new ProviderService.ProviderServiceClient(gemeente);
        var budgets = new BudgetService.BudgetServiceClient(gemeente);
        var contract = (await providers.ListAreaContractsAsync(new ListAreaContractsRequest
        {
            AreaId = area, ActiveOn = new Google.Type.Date { Year = year, Month = 12, Day = 31 },
        })).AreaContracts.Single();
        var baseYear = contract.PeriodStart.Year;

        await budgets.SetBaseLumpsumAsync(new SetBaseLumpsumRequest { AreaContractId = contract.Id, AmountCents = 2_400_000_000 });
        for (var y = baseYear + 1; y <= year; y++)
        {
            await budgets.SetIndexRateAsync(new SetIndexRateRequest { Year = y, Kind = IndexKind.Definitive, IndexBp = 350, Source = "bench" });
        }
        await budgets.SetPgbBaselineAsync(new SetPgbBaselineRequest { AreaContractId = contract.Id, ReferenceDate = contract.PeriodStart, ClientCount = 120 });
        for (var month = 1; month <= 12; month++)
        {
            await budgets.SetPgbMonthlyCountAsync(new SetPgbMonthlyCountRequest { AreaId = area, Year = year, Month = month, ClientCount = 110 + month });
        }
        await budgets.SetPgbAverageCostAsync(new SetPgbAverageCostRequest { AreaId = area, Year = year, AverageCostCents = 1_150_000 });
        await budgets.SetYearParametersAsync(new SetYearParametersRequest
        {
            Year = year, ProfitCapBp = 300, ReferenceHourlyRateCents = 6_250, PgbDeadBandBp = 0, PgbCompensationShareBp = 10_000,
            BasisShareTargetBp = 1_500, InitiativeShareTargetBp = 1_500, SanctionBp = 0, ChangeNote = "benchmark parameters",
        });
        await new BudgetService.BudgetServiceClient(hoofdaanbieder).SubmitYearReportAsync(new SubmitYearReportRequest
        {
            AreaId = area, Year = year, OwnDeliveryCostsCents = 1_500_000_000, Note = "benchmark",
        });
    }
}
