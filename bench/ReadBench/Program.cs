using GonPortal.Bench;
using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using GonPortal.ReadBench;
using Grpc.Core;
using Grpc.Net.Client;

// Read-path benchmark (issue 15.1): starts Identity and Server (Release) as child processes on a fresh
// database with the demo data, then drives one HTTP/2 channel with N concurrent streams (default 64)
// against, in turn: the anonymous no-op gRPC health check, ClientService/GetClient (one
// tenancy-filtered row, authorized as the hoofdaanbieder Stadse Zorgcombinatie), ListClients and
// ListHourEntries (pages of 50). Each method runs for --seconds after a warm-up, in --rounds rounds
// (health, GetClient, ListClients, ListHourEntries, then again), so a burst of other load on the
// machine hits all of them alike; the median per method and GetClient ÷ health are printed.
//   dotnet run -c Release --project bench/ReadBench -- --database sqlite|postgres [--postgres CONN] [--seconds 10] [--rounds 3] [--streams 64]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--")).ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
var database = options.GetValueOrDefault("database", "sqlite");
var seconds = double.Parse(options.GetValueOrDefault("seconds", "10"), System.Globalization.CultureInfo.InvariantCulture);
var rounds = int.Parse(options.GetValueOrDefault("rounds", "3"));
var streams = int.Parse(options.GetValueOrDefault("streams", "64"));
var basePort = int.Parse(options.GetValueOrDefault("port", "5740"));
var dataDir = Directory.CreateTempSubdirectory("gon-readbench-").FullName;
string provider, connection;
if (database == "postgres")
{
    var baseConn = options.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("GON_TEST_POSTGRES")
        ?? throw new ArgumentException("--postgres or GON_TEST_POSTGRES is required");
    provider = "Postgres";
    connection = $"{baseConn};Database=gon_readbench_{Guid.NewGuid():N}";
}
else
{
    provider = "Sqlite";
    connection = $"Data Source={Path.Combine(dataDir, "gon.db")}";
}

await using var hosts = new Hosts();
// A year of demo hours, so ListHourEntries returns full pages.
await hosts.StartAsync(dataDir, provider, connection, basePort, new Dictionary<string, string> { ["Seed__DemoHours"] = "true" });
var identityUrl = $"http://127.0.0.1:{basePort}";
using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{basePort + 1}", new GrpcChannelOptions
{
    MaxReceiveMessageSize = 64 * 1024 * 1024,
    // One connection: 64 streams fit under HTTP/2's usual limit of 100, so the channel never opens a second one.
    HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false },
});
var caller = await BenchCalls.AsAsync(channel, identityUrl, DemoData.StadseZorg.Id);
var clients = new ClientService.ClientServiceClient(caller);
var hours = new HourService.HourServiceClient(caller);
var health = new HealthProbe(channel.CreateCallInvoker());

var clientIds = (await clients.ListClientsAsync(new ListClientsRequest { PageSize = 500 })).Clients.Select(c => c.Id).ToArray();
var hourPage = await hours.ListHourEntriesAsync(new ListHourEntriesRequest { PageSize = 50 });
if (clientIds.Length < 50 || hourPage.HourEntries.Count < 50)
{
    throw new InvalidOperationException($"the demo data should give Stadse Zorgcombinatie full pages: {clientIds.Length} clients, {hourPage.HourEntries.Count} hour entries");
}

var methods = new (string Name, Func<int, Task> Call)[]
{
    ("health (no-op)", _ => health.CheckAsync()),
    ("GetClient", i => clients.GetClientAsync(new GetClientRequest { ClientId = clientIds[i % clientIds.Length] }).ResponseAsync),
    ("ListClients (50)", _ => clients.ListClientsAsync(new ListClientsRequest { PageSize = 50 }).ResponseAsync),
    ("ListHourEntries (50)", _ => hours.ListHourEntriesAsync(new ListHourEntriesRequest { PageSize = 50 }).ResponseAsync),
};

// --only NAME runs one method (for a profiler attached to the Server process, whose id is printed).
if (options.GetValueOrDefault("only") is { Length: > 0 } only)
{
    methods = methods.Where(m => m.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase)).ToArray();
    Console.WriteLine($"server pid {hosts.Server.Id}");
}
foreach (var (_, call) in methods)
{
    await Load.RunAsync(call, streams, Math.Min(2, seconds)); // warm-up: JIT, EF query cache, connection pool
}
var results = methods.ToDictionary(m => m.Name, _ => new List<double>());
for (var round = 0; round < rounds; round++)
{
    foreach (var (name, call) in methods)
    {
        var rate = await Load.RunAsync(call, streams, seconds);
        results[name].Add(rate);
        Console.WriteLine($"round {round + 1}  {name,-22} {rate,9:F0} calls/s");
    }
}

double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
var healthRate = Median(results[methods[0].Name]); // the first method is the reference
Console.WriteLine();
Console.WriteLine($"database   {provider}; {streams} concurrent streams on one HTTP/2 connection; {rounds} rounds of {seconds:F0} s per method; medians");
foreach (var (name, _) in methods)
{
    var rate = Median(results[name]);
    Console.WriteLine($"{name,-22} {rate,9:F0} calls/s   {rate / healthRate,5:F2} × health");
}
Console.WriteLine($"server peak RSS {Hosts.PeakMiB(hosts.Server):F0} MiB");
return 0;
