using GonPortal.Contracts.V1;

namespace GonPortal.Server.Tests.Processes;

/// <summary>Starting and following settlement runs on one chosen instance, and their rows in the database.</summary>
public static class Runs
{
    public static StartSettlementRunRequest Statements(int year, int month) => new()
    {
        RequestId = $"proc-{Guid.NewGuid():N}",
        Kind = SettlementRunKind.SubcontractorStatements,
        Year = year,
        Month = month,
    };

    /// <summary>Polls until <paramref name="done"/> holds for the run, failing after <paramref name="seconds"/>.</summary>
    public static async Task<SettlementRun> UntilAsync(SettlementService.SettlementServiceClient client, string runId, Func<SettlementRun, bool> done, string what, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = (await client.GetSettlementRunAsync(new GetSettlementRunRequest { SettlementRunId = runId })).SettlementRun;
            if (done(run))
            {
                return run;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} did not become {what}: {run.State} {run.ProgressStage} {run.ItemsDone}/{run.ItemsTotal}");
            await Task.Delay(100);
        }
    }

    public static Task<SettlementRun> FinishedAsync(SettlementService.SettlementServiceClient client, string runId) =>
        UntilAsync(client, runId, r => r.State is SettlementRunState.Succeeded or SettlementRunState.Failed, "finished");

    public static Task<long> ResultsAsync(ProcessCluster cluster, string runId) =>
        cluster.ScalarAsync($"SELECT count(*) FROM \"SettlementResults\" WHERE \"SettlementRunId\" = '{Guid.Parse(runId)}'");

    public static Task<long> AttemptsAsync(ProcessCluster cluster, string runId) =>
        cluster.ScalarAsync($"SELECT \"AttemptCount\" FROM \"SettlementRuns\" WHERE \"Id\" = '{Guid.Parse(runId)}'");
}
