using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Processes;

/// <summary>
/// The Server process executing a settlement run is SIGKILLed mid-run (issue 14, parts 1 and 4). While
/// nobody executes it, a second instance (serving calls but running no jobs) shows it STALLED with the
/// worker's last heartbeat, and not one result of the interrupted attempt is stored; once a Server with
/// workers is back, the run is recovered and completes with exactly one result per statement.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class SettlementKillProcessTests
{
    [Fact]
    public async Task A_run_whose_server_was_killed_shows_stalled_left_nothing_and_is_recovered_after_the_restart()
    {
        TestEnvironment.RequirePostgres();
        await using var cluster = new ProcessCluster();
        var identity = await cluster.StartIdentityAsync();
        var worker = await cluster.StartServerAsync();
        var watcher = await cluster.StartServerAsync(new Dictionary<string, string> { ["Jobs__Server"] = "false" });
        var token = await ProcessCluster.TokenAsync(identity.Url, Callers.Gemeente);
        var atWorker = new SettlementService.SettlementServiceClient(ProcessCluster.Invoker(worker, token));
        var atWatcher = new SettlementService.SettlementServiceClient(ProcessCluster.Invoker(watcher, token));

        var runId = (await atWorker.StartSettlementRunAsync(Runs.Statements(2027, 10))).SettlementRun.Id;
        var running = await Runs.UntilAsync(atWatcher, runId, r => r.State == SettlementRunState.Running && r.ItemsTotal > 0, "running");
        Assert.True(running.ItemsTotal >= 2, "the run must have several items so that the kill lands mid-run");
        Assert.NotNull(running.HeartbeatAt);
        cluster.Log($"running {running.ItemsDone}/{running.ItemsTotal}; killing the worker");
        await worker.Host.KillAsync();

        var stalled = await Runs.UntilAsync(atWatcher, runId, r => r.State == SettlementRunState.Stalled, "stalled", seconds: 30);
        Assert.True(stalled.ItemsDone < stalled.ItemsTotal, $"killed at {running.ItemsDone}/{running.ItemsTotal}, stalled at {stalled.ItemsDone}/{stalled.ItemsTotal} {stalled.ProgressStage}");
        // The last beat is the one before the kill (in the Server's shifted clock, so compared with the earlier beat only).
        Assert.NotNull(stalled.HeartbeatAt);
        Assert.True(stalled.HeartbeatAt.ToDateTimeOffset() >= running.HeartbeatAt.ToDateTimeOffset());
        var listed = await atWatcher.ListSettlementRunsAsync(new ListSettlementRunsRequest { State = SettlementRunState.Stalled });
        Assert.Contains(listed.SettlementRuns, r => r.Id == runId);
        Assert.DoesNotContain((await atWatcher.ListSettlementRunsAsync(new ListSettlementRunsRequest { State = SettlementRunState.Running })).SettlementRuns, r => r.Id == runId);
        Assert.Equal(0, await Runs.ResultsAsync(cluster, runId));

        cluster.Log($"stalled at {stalled.ItemsDone}/{stalled.ItemsTotal}; restarting the worker");
        await worker.Host.RestartAsync();
        cluster.Log("worker restarted");
        var done = await Runs.FinishedAsync(atWatcher, runId);
        Assert.Equal(SettlementRunState.Succeeded, done.State);
        Assert.Null(done.HeartbeatAt);
        Assert.True(await Runs.AttemptsAsync(cluster, runId) >= 2);
        Assert.Equal(done.ItemsTotal, done.NewRevisionCount);
        Assert.Equal(done.ItemsTotal, await Runs.ResultsAsync(cluster, runId));
    }
}
