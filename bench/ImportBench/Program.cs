using System.Diagnostics;
using System.Text.Json;
using GonPortal.Contracts.V1;
using GonPortal.Bench;
using GonPortal.ImportBench;
using GonPortal.HostContracts;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

// Streaming-import benchmark: starts Identity and Server (Release) as child processes on a fresh
// database with the demo data, streams N hour entries as the onderaannemer De Linde through
// HourService.ImportHourEntries, then re-sends the same stream (idempotent: nothing stored twice),
// then lets each hoofdaanbieder approve De Linde's submitted entries with one ApproveHourEntriesByFilter.
// Reports entries per second and the Server process's peak resident memory (VmHWM).
//   dotnet run -c Release --project bench/ImportBench -- --database sqlite|postgres [--postgres CONN] [--entries 200000]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--")).ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
var database = options.GetValueOrDefault("database", "sqlite");
var total = int.Parse(options.GetValueOrDefault("entries", "200000"));
var dataDir = Directory.CreateTempSubdirectory("gon-bench-").FullName;
string provider, connection;
if (database == "postgres")
{
    var baseConn = options.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("GON_TEST_POSTGRES")
        ?? throw new ArgumentException("--postgres or GON_TEST_POSTGRES is required");
    provider = "Postgres";
    connection = $"{baseConn};Database=gon_bench_{Guid.NewGuid():N}";
}
else
{
    provider = "Sqlite";
    connection = $"Data Source={Path.Combine(dataDir, "gon.db")}";
}

await using var hosts = new Hosts();
await hosts.StartAsync(dataDir, provider, connection, basePort: 5600);
var startupPeak = Hosts.PeakMiB(hosts.Server);

using var channel = GrpcChannel.ForAddress("http://127.0.0.1:5601", new GrpcChannelOptions { MaxReceiveMessageSize = 256 * 1024 * 1024 });
var invoker = await BenchCalls.AsAsync(channel, "http://127.0.0.1:5600", DemoData.DeLinde.Id);

var entries = await EntryPlan.BuildAsync(new SupportArrangementService.SupportArrangementServiceClient(invoker), DemoData.DeLinde.Id.ToString(), total);
var hours = new HourService.HourServiceClient(invoker);

async Task<(ImportHourEntriesResponse Response, double Seconds)> Import()
{
    var watch = Stopwatch.StartNew();
    using var call = hours.ImportHourEntries();
    foreach (var entry in entries)
    {
        await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = entry });
    }
    await call.RequestStream.CompleteAsync();
    var response = await call.ResponseAsync;
    return (response, watch.Elapsed.TotalSeconds);
}

var (first, firstSeconds) = await Import();
var peakAfterFirst = Hosts.PeakMiB(hosts.Server);
var (second, secondSeconds) = await Import();
var peakAfterSecond = Hosts.PeakMiB(hosts.Server);
var approval = await FilterApproval.RunAsync(channel, "http://127.0.0.1:5600", hosts.Server, DemoData.DeLinde.Id);

Console.WriteLine($"database            {provider}");
Console.WriteLine($"entries sent        {entries.Count} (of which {entries.Count(e => e.ServiceDate.Year == 2099)} deliberately bad: future date)");
Console.WriteLine($"first import        {firstSeconds:F1} s, {first.ReceivedCount / firstSeconds:F0} entries/s; created {first.CreatedCount}, existing {first.ExistingCount}, rejected {first.RejectedCount}");
Console.WriteLine($"re-import (same)    {secondSeconds:F1} s, {second.ReceivedCount / secondSeconds:F0} entries/s; created {second.CreatedCount}, existing {second.ExistingCount}, rejected {second.RejectedCount}");
Console.WriteLine($"server peak RSS     {startupPeak:F0} MiB after start-up and seeding, {peakAfterFirst:F0} MiB after first import, {peakAfterSecond:F0} MiB after re-import");
Console.WriteLine($"approve by filter   {approval.Seconds:F1} s for {approval.Approved} entries ({approval.Approved / Math.Max(approval.Seconds, 0.001):F0} entries/s); server peak RSS during the approvals {approval.PeakMiB:F0} MiB");
Console.WriteLine($"rejection reasons   {string.Join(", ", first.Rejections.GroupBy(r => r.Reason).Select(g => $"{g.Key}={g.Count()}"))}");
return second.CreatedCount == 0 && first.CreatedCount > 0 && approval.Approved == first.CreatedCount ? 0 : 1;
