using System.Diagnostics;
using System.Net.Http.Headers;
using GonPortal.Bench;
using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using GonPortal.ImportBench;
using Grpc.Core;
using Grpc.Net.Client;

// Export benchmark (issue 16): starts Identity and Server (Release) as child processes on a fresh database with the
// demo data, stores N hour entries as the onderaannemer De Linde through HourService.ImportHourEntries (4 streams;
// every 100th entry is refused, so 202,021 sent store 200,001), then exports all of De Linde's entries through
// GET /api/v1/exports/hour-entries as CSV and as xlsx. While each file downloads (to nowhere) the Server's resident
// memory is sampled; its peak (VmHWM) is reset before each export, so start-up and import do not hide it.
// Since the keyset chunks each chunk is one index seek; rows/s is printed so a run can be compared with the offset chunks.
//   dotnet run -c Release --project bench/ExportBench -- --database sqlite|postgres [--postgres CONN] [--entries 202021] [--port 5700]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--")).ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
var database = options.GetValueOrDefault("database", "sqlite");
var total = int.Parse(options.GetValueOrDefault("entries", "202021"));
var dataDir = Directory.CreateTempSubdirectory("gon-exportbench-").FullName;
string provider, connection;
if (database == "postgres")
{
    var baseConn = options.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("GON_TEST_POSTGRES")
        ?? throw new ArgumentException("--postgres or GON_TEST_POSTGRES is required");
    provider = "Postgres";
    connection = $"{baseConn};Database=gon_exportbench_{Guid.NewGuid():N}";
}
else
{
    provider = "Sqlite";
    connection = $"Data Source={Path.Combine(dataDir, "gon.db")}";
}

var BasePort = int.Parse(options.GetValueOrDefault("port", "5700"));
await using var hosts = new Hosts();
await hosts.StartAsync(dataDir, provider, connection, BasePort);
var identityUrl = $"http://127.0.0.1:{BasePort}";
using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{BasePort + 1}");
var invoker = await BenchCalls.AsAsync(channel, identityUrl, DemoData.DeLinde.Id);
var entries = await EntryPlan.BuildAsync(new SupportArrangementService.SupportArrangementServiceClient(invoker), DemoData.DeLinde.Id.ToString(), total);
var hours = new HourService.HourServiceClient(invoker);
var size = (entries.Count + 3) / 4;
var importWatch = Stopwatch.StartNew();
var stored = (await Task.WhenAll(Enumerable.Range(0, 4).Select(async s =>
{
    using var call = hours.ImportHourEntries();
    foreach (var entry in entries.Skip(s * size).Take(size))
    {
        await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = entry });
    }
    await call.RequestStream.CompleteAsync();
    return (await call.ResponseAsync).CreatedCount;
}))).Sum();
Console.WriteLine($"database            {provider}; {stored:N0} of {entries.Count:N0} entries stored by the import in {importWatch.Elapsed.TotalSeconds:F0} s");
Console.WriteLine($"machine             {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Trim()}");

var token = await BenchCalls.TokenAsync(identityUrl, DemoData.DeLinde.Id);
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{BasePort + 2}"), Timeout = TimeSpan.FromMinutes(30) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

var ok = true;
foreach (var format in new[] { "csv", "xlsx" })
{
    GC.Collect();
    await Task.Delay(1000);
    var before = Hosts.CurrentMiB(hosts.Server);
    File.WriteAllText($"/proc/{hosts.Server.Id}/clear_refs", "5"); // VmHWM from here
    var samples = new List<double>();
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            samples.Add(Hosts.CurrentMiB(hosts.Server));
            await Task.Delay(250);
        }
    });
    var watch = Stopwatch.StartNew();
    using var response = await http.GetAsync($"/api/v1/exports/hour-entries?format={format}", HttpCompletionOption.ResponseHeadersRead);
    var first = watch.Elapsed.TotalSeconds;
    response.EnsureSuccessStatusCode();
    await using var body = await response.Content.ReadAsStreamAsync();
    var buffer = new byte[64 * 1024];
    long bytes = 0, lines = 0;
    int read;
    while ((read = await body.ReadAsync(buffer)) > 0)
    {
        bytes += read;
        lines += buffer.AsSpan(0, read).Count((byte)'\n');
    }
    var seconds = watch.Elapsed.TotalSeconds;
    await sampling.CancelAsync();
    await sampler;
    var peak = Hosts.PeakMiB(hosts.Server);
    var quarters = string.Join(" → ", new[] { 0.25, 0.5, 0.75, 1.0 }.Select(q => $"{samples[Math.Min(samples.Count - 1, (int)(q * (samples.Count - 1)))]:F0}"));
    Console.WriteLine($"{format,-5} export        {bytes / 1024.0 / 1024:F1} MB in {seconds:F1} s (first byte after {first:F1} s), {stored / seconds:N0} rows/s{(format == "csv" ? $", {lines - 1:N0} rows" : "")}; " +
        $"server RSS {before:F0} MiB before, {quarters} MiB at a quarter, half, three quarters and the end of the download; peak {peak:F0} MiB");
    Console.WriteLine($"                    load average {File.ReadAllText("/proc/loadavg").Trim()}");
    ok &= format != "csv" || lines - 1 == stored;
}
return ok ? 0 : 1;
