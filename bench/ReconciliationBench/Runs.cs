using GonPortal.Contracts.V1;

namespace GonPortal.ReconciliationBench;

/// <summary>Starts a settlement run through the API and polls it until it ends.</summary>
internal static class Runs
{
    public static async Task<SettlementRun> RunAsync(SettlementService.SettlementServiceClient client, SettlementRunKind kind, int area, int year)
    {
        var started = await client.StartSettlementRunAsync(new StartSettlementRunRequest
        {
            RequestId = Guid.NewGuid().ToString(), Kind = kind, AreaId = area, Year = year,
        });
        var id = started.SettlementRun.Id;
        while (true)
        {
            var run = (await client.GetSettlementRunAsync(new GetSettlementRunRequest { SettlementRunId = id })).SettlementRun;
            switch (run.State)
            {
                case SettlementRunState.Succeeded:
                    return run;
                case SettlementRunState.Failed:
                    throw new InvalidOperationException($"{kind} run failed: {run.ErrorCode} {run.ErrorMessage}");
            }
            await Task.Delay(20);
        }
    }
}
