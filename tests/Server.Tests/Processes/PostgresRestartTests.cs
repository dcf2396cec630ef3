using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Processes;

/// <summary>
/// PostgreSQL restarted abruptly (every connection cut) while a client keeps importing (issue 14, part 4):
/// the Server reconnects on its own, calls fail only while the database is down, and nothing it
/// acknowledged is lost or stored twice; the client's re-sends (safe by entry key) complete the rest.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class PostgresRestartTests
{
    [Fact]
    public async Task The_server_reconnects_after_a_postgres_restart_under_load_and_loses_nothing_acknowledged()
    {
        await using var postgres = await OwnPostgres.StartAsync();
        await using var cluster = new ProcessCluster(postgres.ConnectionString);
        var identity = await cluster.StartIdentityAsync();
        var server = await cluster.StartServerAsync();
        var token = await ProcessCluster.TokenAsync(identity.Url, Callers.OaDeLinde);
        var invoker = ProcessCluster.Invoker(server, token);
        var hours = new HourService.HourServiceClient(invoker);
        var plan = await HourPlan.BuildAsync(new SupportArrangementService.SupportArrangementServiceClient(invoker), DemoData.DeLinde.Id.ToString(), "load", FaultSizes.LoadEntries);
        var batches = plan.Chunk(FaultSizes.LoadBatch).ToList();

        var acknowledged = new AcknowledgedImport();
        var failures = 0;
        Task? restart = null;
        for (var i = 0; i < batches.Count; i++)
        {
            if (i == batches.Count / 3)
            {
                restart = postgres.RestartAsync(); // while the next imports are under way
            }
            while (true)
            {
                try
                {
                    await acknowledged.SendAsync(hours, batches[i]);
                    break;
                }
                catch (Exception e) when (e is global::Grpc.Core.RpcException or InvalidOperationException)
                {
                    failures++;
                    Assert.True(failures < 200, $"the server did not recover: {e}\n{cluster.Output}");
                    await Task.Delay(250); // and send the same batch again
                }
            }
        }
        await restart!;
        cluster.Log($"{batches.Count} imports of {FaultSizes.LoadBatch}; {failures} calls failed while PostgreSQL restarted and were sent again");
        Assert.False(server.Host.HasExited);

        var stored = await cluster.StoredEntriesAsync("load");
        Assert.Equal(HourPlan.Valid(plan), stored.Count);
        Assert.Equal(stored.Count, stored.Select(r => r.Key).Distinct().Count());
        var ids = stored.ToDictionary(r => r.Key, r => r.Id);
        Assert.Empty(acknowledged.Conflicts);
        Assert.Equal(HourPlan.Valid(plan), acknowledged.Accepted.Count);
        Assert.All(acknowledged.Accepted, a => Assert.Equal(a.Value, ids[a.Key]));
    }
}
