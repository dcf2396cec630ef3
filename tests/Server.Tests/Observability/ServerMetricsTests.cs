using GonPortal.Contracts.V1;
using GonPortal.Server.Telemetry;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.Server.Tests.Settlements;
using Grpc.Core;

namespace GonPortal.Server.Tests.Observability;

/// <summary>The Server's own metrics (Meter "GonPortal.Server") as real calls, imports and runs record them.</summary>
public abstract class ServerMetricsTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task Every_call_is_counted_by_method_and_final_status_code()
    {
        hosts.RequireAvailable();
        using var metrics = new MetricsRecorder();
        var clients = await _s.Clients(Callers.HaStadse);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await clients.GetClientAsync(new() { ClientId = Guid.NewGuid().ToString() }));
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () => await clients.GetClientAsync(new() { ClientId = "geen-id" }));
        await clients.ListClientsAsync(new() { PageSize = 5 });

        var calls = metrics.Of(ServerMetrics.RpcCallsName);
        Assert.Contains(calls, c => Is(c, "/gon.v1.ClientService/GetClient", "NotFound"));
        Assert.Contains(calls, c => Is(c, "/gon.v1.ClientService/GetClient", "InvalidArgument"));
        Assert.Contains(calls, c => Is(c, "/gon.v1.ClientService/ListClients", "OK"));
        Assert.Contains(metrics.Of(ServerMetrics.RpcDurationName), d => Is(d, "/gon.v1.ClientService/ListClients", "OK") && d.Value > 0);
    }

    [Fact]
    public async Task A_caller_without_a_role_for_the_method_is_counted_with_its_refusal()
    {
        hosts.RequireAvailable();
        using var metrics = new MetricsRecorder();
        var delinde = await _s.Clients(Callers.OaDeLinde);
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await delinde.ListClientsAsync(new() { Bsn = AccessProcessScenario.NewBsn() }));
        Assert.Contains(metrics.Of(ServerMetrics.RpcCallsName), c => Is(c, "/gon.v1.ClientService/ListClients", "PermissionDenied"));
    }

    [Fact]
    public async Task The_streaming_import_counts_its_entries_by_outcome()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var entries = Enumerable.Range(0, 30).Select(i => HourScenario.Entry(arrangement, month: 5, day: 1 + i % 28, minutes: 15)).ToList();
        entries[7].Quantity = -5;
        entries[8].Quantity = -5;
        var hours = await _s.Hours(Callers.OaDeLinde);
        using var metrics = new MetricsRecorder();

        async Task Import()
        {
            using var call = hours.ImportHourEntries();
            foreach (var e in entries)
            {
                await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = e });
            }
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }
        await Import();
        await Import(); // the same keys again: existing

        // Other tests may import at the same time: at least ours must be there, per outcome.
        var counted = metrics.Of(ServerMetrics.ImportEntriesName).GroupBy(m => m.Tags["outcome"]).ToDictionary(g => g.Key!, g => g.Sum(m => m.Value));
        Assert.True(counted.GetValueOrDefault("created") >= 28, $"created: {counted.GetValueOrDefault("created")}");
        Assert.True(counted.GetValueOrDefault("existing") >= 28, $"existing: {counted.GetValueOrDefault("existing")}");
        Assert.True(counted.GetValueOrDefault("rejected") >= 4, $"rejected: {counted.GetValueOrDefault("rejected")}");
        Assert.Contains(metrics.Of(ServerMetrics.RpcCallsName), c => Is(c, "/gon.v1.HourService/ImportHourEntries", "OK"));
    }

    [Fact]
    public async Task A_settlement_run_records_its_duration_kind_and_outcome()
    {
        hosts.RequireAvailable();
        using var metrics = new MetricsRecorder();
        var run = await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 6);
        var expected = run.State == SettlementRunState.Succeeded ? "succeeded" : "failed";
        // The job records right after it committed the state the poll saw: give it a moment.
        bool Recorded() => metrics.Of(ServerMetrics.SettlementRunDurationName).Any(
            m => m.Tags["kind"] == nameof(Domain.Settlements.SettlementKind.SubcontractorStatements) && m.Tags["outcome"] == expected && m.Value > 0);
        for (var i = 0; i < 50 && !Recorded(); i++)
        {
            await Task.Delay(100);
        }
        Assert.True(Recorded(), $"No {expected} run duration recorded.");
    }

    [Fact]
    public void The_job_queue_length_is_observed_per_queue()
    {
        hosts.RequireAvailable();
        using var metrics = new MetricsRecorder();
        metrics.Observe();
        var queues = metrics.Of(ServerMetrics.JobQueueLengthName);
        Assert.Contains(queues, q => q.Tags["queue"] == "default" && q.Value >= 0);
    }

    private static bool Is(MetricsRecorder.Recorded m, string method, string status) =>
        m.Tags["rpc.method"] == method && m.Tags["rpc.grpc.status_code"] == status;
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteServerMetricsTests(SqliteHosts hosts) : ServerMetricsTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerMetricsTests(PostgresHosts hosts) : ServerMetricsTests(hosts);
