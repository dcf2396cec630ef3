using System.Diagnostics;
using System.Text.Json;
using GonPortal.Contracts.V1;
using GonPortal.Bench;
using GonPortal.ImportBench;
using GonPortal.HostContracts;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Npgsql;

// Streaming-import benchmark: starts Identity and Server (Release) as child processes on a fresh
// database with the demo data, streams N hour entries as the onderaannemer De Linde through
// HourService.ImportHourEntries, then re-sends the same stream (idempotent: nothing stored twice),
// then lets each hoofdaanbieder approve De Linde's submitted entries with one ApproveHourEntriesByFilter.
// The entries go over --streams concurrent calls (default 4), each a contiguous quarter of them.
// On PostgreSQL, --preload N first fills the table with N entries of history (straight in SQL, see
// PostgresSide), and at the end the rows the import stored are written again by one raw binary COPY
// into the same table: the reference the import is compared with, in the same run.
// Reports entries per second and the Server process's peak resident memory (VmHWM).
//   dotnet run -c Release --project bench/ImportBench -- --database sqlite|postgres [--postgres CONN] [--entries 200000] [--streams 4] [--preload 5000000]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--")).ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
var database = options.GetValueOrDefault("database", "sqlite");
var total = int.Parse(options.GetValueOrDefault("entries", "200000"));
var streams = int.Parse(options.GetValueOrDefault("streams", "4"));
var preload = long.Parse(options.GetValueOrDefault("preload", "0"));
string? baseConnection = null;
var dataDir = Directory.CreateTempSubdirectory("gon-bench-").FullName;
string provider, connection;
if (database == "postgres")
{
    var baseConn = options.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("GON_TEST_POSTGRES")
        ?? throw new ArgumentException("--postgres or GON_TEST_POSTGRES is required");
    provider = "Postgres";
    baseConnection = baseConn;
    connection = $"{baseConn};Database=gon_bench_{Guid.NewGuid():N}";
}
else
{
    provider = "Sqlite";
    connection = $"Data Source={Path.Combine(dataDir, "gon.db")}";
}

await using var hosts = new Hosts();
await hosts.StartAsync(dataDir, provider, connection, basePort: 5600);
await using var pg = provider == "Postgres" ? NpgsqlDataSource.Create(connection) : null;
if (pg is not null && preload > 0)
{
    var fill = Stopwatch.StartNew();
    await PostgresSide.PreloadAsync(pg, preload);
    Console.WriteLine($"preloaded           {await PostgresSide.CountAsync(pg):N0} entries in the table before the import ({fill.Elapsed.TotalSeconds:F0} s, straight in SQL)");
}
var startupPeak = Hosts.PeakMiB(hosts.Server);

using var channel = GrpcChannel.ForAddress("http://127.0.0.1:5601", new GrpcChannelOptions { MaxReceiveMessageSize = 256 * 1024 * 1024 });
var invoker = await BenchCalls.AsAsync(channel, "http://127.0.0.1:5600", DemoData.DeLinde.Id);

var entries = await EntryPlan.BuildAsync(new SupportArrangementService.SupportArrangementServiceClient(invoker), DemoData.DeLinde.Id.ToString(), total);
var hours = new HourService.HourServiceClient(invoker);

async Task<ImportHourEntriesResponse> Stream(IEnumerable<HourEntryInput> part)
{
    using var call = hours.ImportHourEntries();
    foreach (var entry in part)
    {
        await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = entry });
    }
    await call.RequestStream.CompleteAsync();
    return await call.ResponseAsync;
}

// All streams at once; the totals add up, and the time is the wall time until the last one answered.
async Task<(ImportHourEntriesResponse Response, double Seconds)> Import()
{
    var size = (entries.Count + streams - 1) / streams;
    var watch = Stopwatch.StartNew();
    var parts = await Task.WhenAll(Enumerable.Range(0, streams).Select(s => Stream(entries.Skip(s * size).Take(size))));
    var seconds = watch.Elapsed.TotalSeconds;
    var sum = new ImportHourEntriesResponse
    {
        ReceivedCount = parts.Sum(p => p.ReceivedCount), CreatedCount = parts.Sum(p => p.CreatedCount),
        ExistingCount = parts.Sum(p => p.ExistingCount), RejectedCount = parts.Sum(p => p.RejectedCount),
    };
    sum.Rejections.AddRange(parts.SelectMany(p => p.Rejections));
    return (sum, seconds);
}

// The peak of the imports alone: reset VmHWM, so start-up (migrations, demo seeding) does not hide it.
var cpu = await CpuMeter.ForAsync(hosts.Server.Id, pg);
var rssAtReset = Hosts.CurrentMiB(hosts.Server);
File.WriteAllText($"/proc/{hosts.Server.Id}/clear_refs", "5");
var cpu0 = cpu?.Read();
var (first, firstSeconds) = await Import();
var cpu1 = cpu?.Read();
var peakAfterFirst = Hosts.PeakMiB(hosts.Server);
var (second, secondSeconds) = await Import();
var cpu2 = cpu?.Read();
var peakAfterSecond = Hosts.PeakMiB(hosts.Server);
// The imports' figures first: the approvals below can fail on a loaded machine (a 30 s command timeout), and the
// imports' figures are what a run is for.
Console.WriteLine($"first import        {firstSeconds:F1} s, {first.ReceivedCount / firstSeconds:F0} entries/s; created {first.CreatedCount}, existing {first.ExistingCount}, rejected {first.RejectedCount}");
Console.WriteLine($"re-import (same)    {secondSeconds:F1} s, {second.ReceivedCount / secondSeconds:F0} entries/s; created {second.CreatedCount}, existing {second.ExistingCount}, rejected {second.RejectedCount}");
if (cpu0 is not null && cpu1 is not null && cpu2 is not null)
{
    Console.WriteLine($"CPU first import    server {(cpu1 - cpu0).Server:F1} s + PostgreSQL {(cpu1 - cpu0).Postgres:F1} s + client {(cpu1 - cpu0).Client:F1} s");
}
FilterApproval.Result approval;
try
{
    approval = await FilterApproval.RunAsync(channel, "http://127.0.0.1:5600", hosts.Server, DemoData.DeLinde.Id);
}
catch (Grpc.Core.RpcException e)
{
    Console.WriteLine($"approve by filter   failed: {e.Status.StatusCode} {e.Status.Detail}");
    approval = new FilterApproval.Result(-1, 0, 0);
}

var copy = pg is null ? default : await PostgresSide.RawCopyAsync(pg, DemoData.DeLinde.Id, cpu);

Console.WriteLine($"database            {provider}; {streams} concurrent import streams; {(pg is null ? "" : $"{preload:N0} entries in the table before the import")}");
Console.WriteLine($"entries sent        {entries.Count} (of which {entries.Count(e => e.ServiceDate.Year == 2099)} deliberately bad: future date)");
Console.WriteLine($"first import        {firstSeconds:F1} s, {first.ReceivedCount / firstSeconds:F0} entries/s; created {first.CreatedCount}, existing {first.ExistingCount}, rejected {first.RejectedCount}");
Console.WriteLine($"re-import (same)    {secondSeconds:F1} s, {second.ReceivedCount / secondSeconds:F0} entries/s; created {second.CreatedCount}, existing {second.ExistingCount}, rejected {second.RejectedCount}");
Console.WriteLine($"server peak RSS     {startupPeak:F0} MiB after start-up and seeding ({rssAtReset:F0} MiB resident when the imports began); from the start of the imports (peak reset): {peakAfterFirst:F0} MiB after first import, {peakAfterSecond:F0} MiB after re-import (= {Math.Max(peakAfterFirst, peakAfterSecond) * 1.048576:F0} MB; the goal is 300 MB)");
Console.WriteLine($"approve by filter   {approval.Seconds:F1} s for {approval.Approved} entries ({approval.Approved / Math.Max(approval.Seconds, 0.001):F0} entries/s); server peak RSS during the approvals {approval.PeakMiB:F0} MiB");
Console.WriteLine($"rejection reasons   {string.Join(", ", first.Rejections.GroupBy(r => r.Reason).Select(g => $"{g.Key}={g.Count()}"))}");
if (pg is not null)
{
    var copyRate = copy.Rows / copy.Seconds;
    Console.WriteLine($"raw binary COPY     {copy.Seconds:F1} s for the {copy.Rows} stored rows again, {copyRate:F0} rows/s, into a table then holding {await PostgresSide.CountAsync(pg) - copy.Rows:N0} entries");
    Console.WriteLine($"import / COPY       {first.ReceivedCount / firstSeconds / copyRate:F2} × (first import's entries/s over COPY's rows/s)");
    if (cpu0 is not null && cpu1 is not null && cpu2 is not null && copy.Cpu is { } copyCpu)
    {
        static string Cpu(CpuMeter.Sample s) => $"server {s.Server:F1} s + PostgreSQL {s.Postgres:F1} s + client {s.Client:F1} s = {s.Total:F1} CPU-s";
        var firstCpu = cpu1 - cpu0;
        Console.WriteLine($"CPU first import    {Cpu(firstCpu)}, {first.ReceivedCount / firstCpu.Total:F0} entries per CPU-second");
        Console.WriteLine($"CPU re-import       {Cpu(cpu2 - cpu1)}, {second.ReceivedCount / (cpu2 - cpu1).Total:F0} entries per CPU-second");
        Console.WriteLine($"CPU raw COPY        {Cpu(copyCpu)}, {copy.Rows / copyCpu.Total:F0} rows per CPU-second");
        Console.WriteLine($"import / COPY (CPU) {first.ReceivedCount / firstCpu.Total / (copy.Rows / copyCpu.Total):F2} × (entries per CPU-second over COPY's rows per CPU-second)");
    }
}
await hosts.DisposeAsync();
if (pg is not null && !options.ContainsKey("keep"))
{
    // The database holds millions of rows; drop it unless asked to keep it for a look.
    NpgsqlConnection.ClearAllPools();
    await using var admin = NpgsqlDataSource.Create(baseConnection!);
    await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connection).Database}\" WITH (FORCE)");
    await drop.ExecuteNonQueryAsync();
}
return second.CreatedCount == 0 && first.CreatedCount > 0 && approval.Approved == first.CreatedCount ? 0 : 1;
