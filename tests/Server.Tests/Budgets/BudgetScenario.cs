using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.Infrastructure;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.Budgets;

/// <summary>Clients and look-ups shared by the budget tests and the access matrix.</summary>
public static class BudgetScenario
{
    public static async Task<BudgetService.BudgetServiceClient> BudgetClient(GonHosts hosts, string caller, string? purpose = null) =>
        new(await hosts.InvokerFor(caller, purpose));

    /// <summary>The demo area contract of an area starting in 2027 (read as the gemeente).</summary>
    public static async Task<AreaContract> DemoContract(GonHosts hosts, int areaId)
    {
        var providers = new ProviderService.ProviderServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var list = await providers.ListAreaContractsAsync(new() { AreaId = areaId, ActiveOn = Date(2027, 6, 1) });
        return Assert.Single(list.AreaContracts);
    }

    /// <summary>Submits a year report, leaving an already locked one as it is (the matrix sets up the same report for every caller).</summary>
    public static async Task EnsureYearReport(GonHosts hosts, string hoofdaanbieder, int areaId, int year)
    {
        var client = await BudgetClient(hosts, hoofdaanbieder);
        try
        {
            await client.SubmitYearReportAsync(new() { AreaId = areaId, Year = year, OwnDeliveryCostsCents = 150_000_000, Note = "Eigen inzet" });
        }
        catch (global::Grpc.Core.RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.FailedPrecondition)
        {
        }
    }
}
