using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using GonPortal.HostContracts;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Npgsql;

namespace GonPortal.Server.Tests.Processes;

/// <summary>
/// Identity and Server instances as real processes on one PostgreSQL (a fresh Server database and a
/// fresh Identity database per cluster), configured as in production for several instances
/// ("Instances:Shared"): Identity instances behind one address (<see cref="RoundRobinProxy"/>) that is
/// also their issuer, each with its own key folder so only the database can make their keys agree.
/// Settlement runs use short leases, a fast heartbeat and the drill delay, so that a kill lands
/// mid-run and the takeover happens within seconds.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gon-processes", Guid.NewGuid().ToString("N"));
    private readonly List<ProcessHost> _hosts = [];
    private readonly List<GrpcChannel> _channels = [];
    private readonly string _postgres;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];

    /// <param name="postgres">The PostgreSQL server (connection string without database); GON_TEST_POSTGRES by default.</param>
    public ProcessCluster(string? postgres = null)
    {
        _postgres = postgres ?? TestEnvironment.PostgresConnection!;
        Directory.CreateDirectory(_folder);
        ServerConnection = Connection($"gon_proc_{_suffix}");
        IdentityConnection = Connection($"gon_proc_id_{_suffix}");
    }

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>A line in the test's output with the seconds since the cluster was made (where the time went).</summary>
    public void Log(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{_clock.Elapsed.TotalSeconds,7:F1} s  {what}");

    public RoundRobinProxy IdentityAddress { get; } = new();

    /// <summary>The one address of the Servers' HTTP endpoints (health, jobs dashboard), as Identity knows the dashboard.</summary>
    public RoundRobinProxy ServerAddress { get; } = new();
    public string ServerConnection { get; }
    public string IdentityConnection { get; }
    public List<IdentityInstance> Identities { get; } = [];
    public List<ServerInstance> Servers { get; } = [];

    private string Connection(string database) => new NpgsqlConnectionStringBuilder(_postgres) { Database = database }.ConnectionString;

    public sealed record IdentityInstance(ProcessHost Host, Uri Url);

    public sealed record ServerInstance(ProcessHost Host, Uri GrpcUrl, Uri HttpUrl, GrpcChannel Channel);

    /// <summary>Starts one more Identity instance behind <see cref="IdentityAddress"/> and waits until it is ready.</summary>
    public async Task<IdentityInstance> StartIdentityAsync()
    {
        var n = Identities.Count + 1;
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        var host = ProcessHost.Start($"identity-{n}", "Identity", new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/'),
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Identity"] = IdentityConnection,
            ["Identity__Issuer"] = IdentityAddress.Url.ToString(),
            ["Identity__KeyDirectory"] = Path.Combine(_folder, $"identity-{n}-keys"),
            ["Identity__AllowInsecureHttp"] = "true",
            ["Identity__RateLimits__Login__PermitLimit"] = "100000",
            ["Identity__Dashboard__BaseUrl"] = ServerAddress.Url.ToString().TrimEnd('/'),
            ["Instances__Shared"] = "true",
        }, new Uri(url, "health"));
        _hosts.Add(host);
        await host.WaitHealthyAsync();
        IdentityAddress.Add(url.Port);
        Log($"identity-{n} ready");
        var instance = new IdentityInstance(host, url);
        Identities.Add(instance);
        return instance;
    }

    /// <summary>Starts one more Server instance on the shared database and waits until it is ready.</summary>
    public async Task<ServerInstance> StartServerAsync(IReadOnlyDictionary<string, string>? settings = null, string? connection = null)
    {
        var n = Servers.Count + 1;
        var grpc = new Uri($"http://127.0.0.1:{FreePort()}/");
        var http = new Uri($"http://127.0.0.1:{FreePort()}/");
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Gon"] = connection ?? ServerConnection,
            ["Identity__Authority"] = IdentityAddress.Url.ToString().TrimEnd('/'),
            ["Seed__Demo"] = "true",
            ["Clock__Today"] = "2028-01-15",
            ["Kestrel__Endpoints__Grpc__Url"] = grpc.ToString().TrimEnd('/'),
            ["Kestrel__Endpoints__Http__Url"] = http.ToString().TrimEnd('/'),
            ["Instances__Shared"] = "true",
            // A lease of 8 s renewed every half second: a silent worker shows STALLED after 1.5 s and loses the run after 8 s.
            ["Jobs__RunLeaseSeconds"] = "8",
            ["Jobs__HeartbeatSeconds"] = "0.5",
            ["Jobs__RecoveryIntervalSeconds"] = "1",
            ["Jobs__Drill__ItemDelayMilliseconds"] = "1500",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var host = ProcessHost.Start($"server-{n}", "Server", environment, new Uri(http, "health"));
        _hosts.Add(host);
        await host.WaitHealthyAsync();
        ServerAddress.Add(http.Port);
        var channel = GrpcChannel.ForAddress(grpc, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
        _channels.Add(channel);
        var instance = new ServerInstance(host, grpc, http, channel);
        Log($"server-{n} ready");
        Servers.Add(instance);
        return instance;
    }

    /// <summary>An access token of the caller's demo machine client, issued by one particular Identity instance.</summary>
    public static async Task<string> TokenAsync(Uri identity, string caller)
    {
        using var http = new HttpClient { BaseAddress = identity };
        var client = Callers.MachineClient(caller);
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = GonScopes.Api,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token request at {identity} failed: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Calls to one Server instance with a token.</summary>
    public static CallInvoker Invoker(ServerInstance server, string token) =>
        server.Channel.CreateCallInvoker().Intercept(m =>
        {
            m.Add("Authorization", $"Bearer {token}");
            return m;
        });

    /// <summary>One number from the Server's database (a count, a sum).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every stored hour entry whose key starts with "<paramref name="prefix"/>-": (key, id), duplicates included.</summary>
    public async Task<List<(string Key, string Id)>> StoredEntriesAsync(string prefix)
    {
        await using var connection = new NpgsqlConnection(ServerConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"EntryKey\", \"Id\"::text FROM \"HourEntries\" WHERE \"EntryKey\" LIKE @p", connection);
        command.Parameters.AddWithValue("p", prefix + "-%");
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Everything the processes printed lately, for a failing assertion's message.</summary>
    public string Output => string.Join("\n", _hosts.Select(h => h.RecentOutput));

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        await IdentityAddress.DisposeAsync();
        await ServerAddress.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(Connection("postgres"));
            await connection.OpenAsync();
            foreach (var db in new[] { $"gon_proc_{_suffix}", $"gon_proc_id_{_suffix}" })
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException)
        {
            // a test that stopped its own PostgreSQL leaves nothing to drop
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
