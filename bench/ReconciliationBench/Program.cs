using System.Diagnostics;
using GonPortal.Bench;
using GonPortal.Contracts.V1;
using GonPortal.ReconciliationBench;
using GonPortal.HostContracts;
using Grpc.Net.Client;
using Npgsql;

// Yearly-reconciliation benchmark (issue 5): starts Identity and Server (Release) as child processes
// on a fresh PostgreSQL database with the demo data, gives area 1 / 2027 its budget inputs through
// BudgetService and a final PGB run, then fills the hour-entry table to each size (1M, 5M approved
// entries of Stadse Zorgcombinatie in area 1, 2027) and measures, at each size:
//   - one hand-written SQL aggregate (delivered minutes per arrangement, the work U needs), median of N;
//   - the reconciliation run through the API (StartSettlementRun → poll GetSettlementRun), median of N,
//     both server-side (started_at → finished_at) and as the caller sees it;
//   - the Server process's resident memory during the runs (sampled) and its overall peak (VmHWM).
//   dotnet run -c Release --project bench/ReconciliationBench -- --postgres CONN [--sizes 1000000,5000000] [--repeat 3] [--keep]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--")).ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
var baseConn = options.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("GON_TEST_POSTGRES")
    ?? throw new ArgumentException("--postgres or GON_TEST_POSTGRES is required");
var sizes = options.GetValueOrDefault("sizes", "1000000,5000000").Split(',').Select(long.Parse).ToList();
var repeat = int.Parse(options.GetValueOrDefault("repeat", "3"));
const int Area = 1;
const int Year = 2027;
var hoofdaanbieder = DemoData.StadseZorg.Id;

var dataDir = Directory.CreateTempSubdirectory("gon-bench-").FullName;
var connection = $"{baseConn};Database=gon_bench_{Guid.NewGuid():N}";
await using var hosts = new Hosts();
await hosts.StartAsync(dataDir, "Postgres", connection, basePort: 5610, new Dictionary<string, string> { ["Jobs__Workers"] = "1" });
await using var db = NpgsqlDataSource.Create(connection);

using var channel = GrpcChannel.ForAddress("http://127.0.0.1:5611");
var gemeente = await BenchCalls.AsAsync(channel, "http://127.0.0.1:5610", DemoData.Gemeente.Id);
var stadse = await BenchCalls.AsAsync(channel, "http://127.0.0.1:5610", hoofdaanbieder);
var settlements = new SettlementService.SettlementServiceClient(gemeente);

await Inputs.PrepareAsync(gemeente, stadse, Area, Year);
await Runs.RunAsync(settlements, SettlementRunKind.PgbFinal, Area, Year);
Console.WriteLine($"machine             {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine($"hour arrangements   {await EntryGenerator.HourArrangementCountAsync(db, hoofdaanbieder, Area, Year)} in area {Area} (Stadse Zorgcombinatie)");
Console.WriteLine("| Entries | SQL aggregate (median) | Reconciliation run, server (median) | As seen by caller (median) | Ratio run/SQL | Server RSS during runs: start → peak | Server VmHWM |");
Console.WriteLine("|---|---|---|---|---|---|---|");

long stored = 0;
var agree = true;
foreach (var size in sizes)
{
    var watch = Stopwatch.StartNew();
    await EntryGenerator.AddAsync(db, hoofdaanbieder, Area, Year, stored, size - stored);
    stored = size;
    Console.Error.WriteLine($"filled to {size:N0} entries in {watch.Elapsed.TotalSeconds:F0} s");

    var sql = new List<double>();
    (int Groups, long Minutes) aggregate = default;
    for (var i = 0; i < repeat; i++)
    {
        watch.Restart();
        aggregate = await EntryGenerator.HandWrittenAggregateAsync(db, hoofdaanbieder, Area, Year);
        sql.Add(watch.Elapsed.TotalMilliseconds);
    }

    var server = new List<double>();
    var caller = new List<double>();
    SettlementRun? last = null;
    double startMiB, peakMiB;
    await using (var sampler = new RssSampler(hosts.Server))
    {
        for (var i = 0; i < repeat; i++)
        {
            watch.Restart();
            last = await Runs.RunAsync(settlements, SettlementRunKind.Reconciliation, Area, Year);
            caller.Add(watch.Elapsed.TotalMilliseconds);
            server.Add((last.FinishedAt.ToDateTimeOffset() - last.StartedAt.ToDateTimeOffset()).TotalMilliseconds);
        }
        startMiB = sampler.StartMiB;
        await sampler.DisposeAsync();
        peakMiB = sampler.PeakMiB;
    }
    var reconciliation = (await settlements.GetReconciliationAsync(new GetReconciliationRequest { AreaId = Area, Year = Year })).Reconciliation;
    var deliveredMinutes = System.Numerics.BigInteger.Parse(reconciliation.DeliveredHours.Numerator) * 60 / System.Numerics.BigInteger.Parse(reconciliation.DeliveredHours.Denominator);
    agree &= deliveredMinutes == aggregate.Minutes && reconciliation.HourArrangementCount == aggregate.Groups;
    Console.Error.WriteLine($"check: SQL {aggregate.Groups} arrangements, {aggregate.Minutes:N0} min; reconciliation delivered (all hour arrangements) {deliveredMinutes:N0} min over {reconciliation.HourArrangementCount} hour arrangements, revision {reconciliation.Revision}");

    Console.WriteLine($"| {size:N0} | {Median(sql):N0} ms | {Median(server):N0} ms | {Median(caller):N0} ms | {Median(server) / Median(sql):F2} | {startMiB:F0} → {peakMiB:F0} MiB | {Hosts.PeakMiB(hosts.Server):F0} MiB |");
}
// The database holds millions of rows; drop it unless asked to keep it for a look.
await hosts.DisposeAsync();
if (!options.ContainsKey("keep"))
{
    NpgsqlConnection.ClearAllPools();
    await using var admin = NpgsqlDataSource.Create(baseConn);
    await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connection).Database}\" WITH (FORCE)");
    await drop.ExecuteNonQueryAsync();
}

// Both must have summed the same rows, or the comparison means nothing.
return agree ? 0 : 1;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
