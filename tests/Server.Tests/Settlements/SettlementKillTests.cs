using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Settlements;

/// <summary>
/// A server stopped while a run is in progress (blocked mid-run by the test seam) leaves no result;
/// a new server on the same database (PostgreSQL, or the SQLite file whose in-memory job queue died
/// with the old server) recovers the run after its lease lapsed and completes it with exactly one
/// result per statement. Uses its own hosts and database.
/// </summary>
public abstract class SettlementKillTests(DatabaseProvider database)
{
    [Fact]
    public async Task A_run_of_a_stopped_server_is_recovered_by_the_next_one_with_exactly_one_result()
    {
        await using var hosts = database == DatabaseProvider.Sqlite ? (GonHosts)new SqliteHosts() : new PostgresHosts();
        await hosts.InitializeAsync();
        hosts.RequireAvailable();
        var s = new Scenario(hosts);
        var before = await s.RowsAsync();

        string runId;
        using (s.Faults().BlockRuns())
        {
            var gemeente = await s.Settlements(Callers.Gemeente);
            runId = (await gemeente.StartSettlementRunAsync(SettlementScenario.Start(SettlementRunKind.SubcontractorStatements, 0, 2027, 9))).SettlementRun.Id;
            await s.Faults().Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var running = await s.StateAsync(runId, SettlementRunState.Running);
            Assert.True(running.ItemsTotal >= 2);
            await hosts.RestartServerAsync(); // the blocked attempt dies with its server
        }
        Assert.Equal(before, await s.RowsAsync());

        var run = await s.FinishedAsync(runId);
        Assert.Equal(SettlementRunState.Succeeded, run.State);
        Assert.True(await s.AttemptsAsync(runId) >= 2);
        Assert.Equal(before.Results + run.NewRevisionCount, (await s.RowsAsync()).Results);
        Assert.Equal(run.ItemsTotal, run.NewRevisionCount);
        var again = await s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 9);
        Assert.Equal(0, again.NewRevisionCount);
    }
}

public sealed class SqliteSettlementKillTests() : SettlementKillTests(DatabaseProvider.Sqlite);

public sealed class PostgresSettlementKillTests() : SettlementKillTests(DatabaseProvider.Postgres);
