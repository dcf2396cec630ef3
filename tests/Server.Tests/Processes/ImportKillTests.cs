using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;

namespace GonPortal.Server.Tests.Processes;

/// <summary>
/// The Server process is SIGKILLed while a client streams an hour import (issue 14, part 4). After a
/// restart every entry the client saw acknowledged is stored exactly once under the id it was told,
/// and re-sending the whole stream completes the rest with nothing stored twice.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ImportKillTests
{
    [Fact]
    public async Task A_server_killed_during_a_streaming_import_keeps_every_acknowledged_entry_once_and_a_resend_completes_the_rest()
    {
        TestEnvironment.RequirePostgres();
        await using var cluster = new ProcessCluster();
        var identity = await cluster.StartIdentityAsync();
        var server = await cluster.StartServerAsync();
        var token = await ProcessCluster.TokenAsync(identity.Url, Callers.OaDeLinde);
        var invoker = ProcessCluster.Invoker(server, token);
        var plan = await HourPlan.BuildAsync(new SupportArrangementService.SupportArrangementServiceClient(invoker), DemoData.DeLinde.Id.ToString(), "kill", FaultSizes.ImportEntries);

        // Kill once about a third of the stream is acknowledged: certainly mid-import.
        var first = new AcknowledgedImport();
        var importing = first.SendAsync(new HourService.HourServiceClient(invoker), plan);
        while (first.Accepted.Count < plan.Count / 3 && !importing.IsCompleted)
        {
            await Task.Delay(20);
        }
        await server.Host.KillAsync();
        var broken = await Assert.ThrowsAnyAsync<Exception>(() => importing);
        Assert.True(broken is RpcException or InvalidOperationException, broken.ToString());
        var acknowledged = first.Accepted.ToDictionary();
        Assert.InRange(acknowledged.Count, plan.Count / 3, HourPlan.Valid(plan) - 1);

        await server.Host.RestartAsync();
        var stored = await cluster.StoredEntriesAsync("kill");
        Assert.Equal(stored.Count, stored.Select(r => r.Key).Distinct().Count());
        var storedIds = stored.ToDictionary(r => r.Key, r => r.Id);
        Assert.All(acknowledged, a => Assert.Equal(a.Value, storedIds.GetValueOrDefault(a.Key)));

        var resend = new AcknowledgedImport();
        var summary = await resend.SendAsync(new HourService.HourServiceClient(invoker), plan);
        Assert.Equal(plan.Count, summary.ReceivedCount);
        Assert.Equal(stored.Count, summary.ExistingCount);
        Assert.Equal(HourPlan.Valid(plan), summary.CreatedCount + summary.ExistingCount);
        Assert.Equal(plan.Count - HourPlan.Valid(plan), summary.RejectedCount);

        var after = await cluster.StoredEntriesAsync("kill");
        Assert.Equal(HourPlan.Valid(plan), after.Count);
        Assert.Equal(after.Count, after.Select(r => r.Key).Distinct().Count());
        var afterIds = after.ToDictionary(r => r.Key, r => r.Id);
        Assert.All(acknowledged, a => Assert.Equal(a.Value, afterIds[a.Key]));
        Assert.All(resend.Accepted, a => Assert.Equal(a.Value, afterIds[a.Key]));
        Assert.Empty(first.Conflicts);
    }
}
