using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using GonPortal.HostContracts;
using GonPortal.Identity;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using GonPortal.Server.Settlements;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GonPortal.Server.Tests.Infrastructure;

/// <summary>
/// The real system for integration tests: Identity and Server, each on Kestrel on a free
/// loopback port, each with its own fresh database. The Server validates tokens that Identity
/// issued, fetching its keys over HTTP like in production; gRPC runs over HTTP/2.
/// </summary>
public abstract class GonHosts(DatabaseProvider database) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gon-tests", Guid.NewGuid().ToString("N"));
    // Access tokens live minutes (Identity:Tokens:AccessTokenMinutes), a test run longer: see TokenFor.
    private static readonly TimeSpan TokenRefreshMargin = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, Task<CachedToken>> _tokens = new();
    private readonly List<string> _postgresDatabases = [];
    private KestrelFactory<IdentityAssembly>? _identity;
    private KestrelFactory<ServerAssembly>? _server;
    private GrpcChannel? _channel;
    private HttpClient? _http;
    private TestMailbox? _mailbox;

    public DatabaseProvider Database => database;

    /// <summary>What Identity and the Server logged, from <see cref="CapturedLogLevel"/> up (nothing unless a fixture asks).</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The level from which <see cref="Logs"/> keeps entries; None keeps nothing and adds no logger.</summary>
    protected virtual LogLevel CapturedLogLevel => LogLevel.None;
    public bool Available { get; private set; }
    public Uri IdentityUrl { get; private set; } = null!;
    /// <summary>The Server's gRPC endpoint (cleartext HTTP/2).</summary>
    public Uri ServerUrl { get; private set; } = null!;

    /// <summary>The Server's HTTP/1.1 endpoint ("Http"): /health and the jobs dashboard.</summary>
    public Uri ServerHttpUrl { get; private set; } = null!;
    public IServiceProvider ServerServices => _server!.Services;
    public IServiceProvider IdentityServices => _identity!.Services;

    /// <summary>The SMTP server Identity sends its e-mails to.</summary>
    public TestMailbox Mailbox => _mailbox!;

    /// <summary>The Server's effective configuration for its database, for tests that open it directly.</summary>
    public (string Provider, string ConnectionString) ServerDatabase { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (database == DatabaseProvider.Postgres && string.IsNullOrEmpty(TestEnvironment.PostgresConnection))
        {
            return; // each test then skips (or fails in CI) through RequireAvailable
        }
        Directory.CreateDirectory(_folder);
        // Identity must know the dashboard's redirect URI before the Server exists, so this one port is chosen up front.
        var serverHttpPort = FreeLoopbackPort();
        ServerHttpUrl = new Uri($"http://127.0.0.1:{serverHttpPort}/");
        var identityDb = DatabaseSettings("identity");
        _mailbox = new TestMailbox(FreeLoopbackPort());
        _identity = new KestrelFactory<IdentityAssembly>(new Dictionary<string, string?>
        {
            ["Database:Provider"] = identityDb.Provider,
            ["ConnectionStrings:Identity"] = identityDb.ConnectionString,
            ["Identity:KeyDirectory"] = Path.Combine(_folder, "keys"),
            ["Identity:AllowInsecureHttp"] = "true",
            ["Identity:Dashboard:BaseUrl"] = ServerHttpUrl.ToString().TrimEnd('/'),
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = _mailbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:From"] = "GonPortal <no-reply@gonportal.test>",
            // The suite signs people in hundreds of times from loopback; the limits have tests on hosts of their own.
            ["Identity:RateLimits:Login:PermitLimit"] = "100000",
        }, useConfiguredEndpoints: false, CaptureLogs);
        _identity.StartServer();
        IdentityUrl = _identity.Addresses.First();

        ServerDatabase = DatabaseSettings("gon");
        StartServer();
        _http = new HttpClient { BaseAddress = IdentityUrl };
        Available = true;
        await Task.CompletedTask;
    }

    /// <summary>
    /// Stops the Server (as a crash would leave its runs: running, with a lease that lapses) and starts
    /// a new one on the same database; Identity keeps running, so tokens stay valid.
    /// </summary>
    public async Task RestartServerAsync()
    {
        _channel?.Dispose();
        await _server!.DisposeAsync();
        StartServer();
    }

    private void StartServer()
    {
        _server = new KestrelFactory<ServerAssembly>(new Dictionary<string, string?>
        {
            ["Database:Provider"] = ServerDatabase.Provider,
            ["ConnectionStrings:Gon"] = ServerDatabase.ConnectionString,
            ["Identity:Authority"] = IdentityUrl.ToString().TrimEnd('/'),
            ["Seed:Demo"] = "true",
            // Tests live in early 2028 so that hours in 2027, the first contract year, lie in the past.
            ["Clock:Today"] = "2028-01-15",
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            // The HTTP endpoint keeps its HTTP/1.1 from appsettings, as browsers reach the dashboard there.
            ["Kestrel:Endpoints:Http:Url"] = ServerHttpUrl.ToString().TrimEnd('/'),
            // Settlement runs: short leases and a fast recovery, so the kill tests finish in seconds.
            ["Jobs:RunLeaseSeconds"] = "4",
            ["Jobs:RecoveryIntervalSeconds"] = "1",
        }, useConfiguredEndpoints: true, services =>
        {
            services.AddSingleton<ISettlementRunFaults, Settlements.TestSettlementFaults>();
            CaptureLogs(services);
        });
        _server.StartServer();
        ServerUrl = _server.Addresses.Single(a => a.Port != ServerHttpUrl.Port);
        _channel = GrpcChannel.ForAddress(ServerUrl);
    }

    private void CaptureLogs(IServiceCollection services)
    {
        if (CapturedLogLevel == LogLevel.None)
        {
            return;
        }
        // A rule for this provider alone: the hosts' own levels (appsettings) stay as they are for the others.
        services.AddLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>(null, CapturedLogLevel));
    }

    public void RequireAvailable()
    {
        if (database == DatabaseProvider.Postgres)
        {
            TestEnvironment.RequirePostgres();
        }
        Assert.True(Available, "The test hosts did not start.");
    }

    /// <summary>A call invoker that sends the caller's access token (none for anonymous).</summary>
    public async Task<CallInvoker> InvokerFor(string caller, string? purpose = null)
    {
        var invoker = _channel!.CreateCallInvoker();
        if (caller == Callers.Anonymous)
        {
            return invoker;
        }
        var token = await TokenFor(caller);
        return invoker.Intercept(metadata =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            if (purpose is not null)
            {
                metadata.Add("gon-purpose", purpose);
            }
            return metadata;
        });
    }

    /// <summary>
    /// The caller's access token, shared between tests, but fetched anew when it has less than
    /// <see cref="TokenRefreshMargin"/> left: a run takes longer than a token lives.
    /// </summary>
    public async Task<string> TokenFor(string caller)
    {
        var cached = _tokens.GetOrAdd(caller, RequestClientCredentialsToken);
        var token = await cached;
        if (token.ExpiresAt - DateTimeOffset.UtcNow > TokenRefreshMargin)
        {
            return token.AccessToken;
        }

        // Replaced only if nobody else replaced it already (a rare extra request under contention is harmless).
        var renewed = _tokens.AddOrUpdate(
            caller, RequestClientCredentialsToken, (c, current) => current == cached ? RequestClientCredentialsToken(c) : current);
        return (await renewed).AccessToken;
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset ExpiresAt);

    private async Task<CachedToken> RequestClientCredentialsToken(string caller)
    {
        var requestedAt = DateTimeOffset.UtcNow;
        var client = Callers.MachineClient(caller);
        using var response = await _http!.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = "gon.api",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token request for {caller} failed: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        return new CachedToken(
            json.GetProperty("access_token").GetString()!,
            requestedAt.AddSeconds(json.GetProperty("expires_in").GetInt32()));
    }

    /// <summary>A port that was free a moment ago (a small race with other processes, accepted for tests).</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private (string Provider, string ConnectionString) DatabaseSettings(string name)
    {
        if (database == DatabaseProvider.Sqlite)
        {
            return (nameof(DatabaseProvider.Sqlite), $"Data Source={Path.Combine(_folder, name + ".db")}");
        }
        var dbName = $"gon_test_{name}_{Guid.NewGuid():N}"[..40];
        _postgresDatabases.Add(dbName);
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection) { Database = dbName };
        return (nameof(DatabaseProvider.Postgres), builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        _http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }
        if (_mailbox is not null)
        {
            await _mailbox.DisposeAsync();
        }
        await DropPostgresDatabases();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file briefly; the temp folder is cleaned by the OS.
        }
        GC.SuppressFinalize(this);
    }

    private async Task DropPostgresDatabases()
    {
        if (_postgresDatabases.Count == 0)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        foreach (var db in _postgresDatabases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A WebApplicationFactory on real Kestrel with configuration overrides.</summary>
    private sealed class KestrelFactory<T> : WebApplicationFactory<T> where T : class
    {
        private readonly IReadOnlyDictionary<string, string?> _settings;
        private readonly Action<IServiceCollection>? _services;

        /// <param name="useConfiguredEndpoints">True: Kestrel binds the endpoints named in configuration; false: one free loopback port.</param>
        /// <param name="services">Test seams that replace production registrations (e.g. the settlement fault hook).</param>
        public KestrelFactory(IReadOnlyDictionary<string, string?> settings, bool useConfiguredEndpoints, Action<IServiceCollection>? services = null)
        {
            _settings = settings;
            _services = services;
            if (useConfiguredEndpoints)
            {
                this.UseKestrel();
            }
            else
            {
                this.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
            }
        }

        public IReadOnlyList<Uri> Addresses =>
            Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a + "/")).ToList();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }
            builder.UseEnvironment("Testing");
            if (_services is not null)
            {
                builder.ConfigureTestServices(_services);
            }
        }
    }
}

public sealed class SqliteHosts() : GonHosts(DatabaseProvider.Sqlite);

public sealed class PostgresHosts() : GonHosts(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteHosts>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresHosts>
{
    public const string Name = "postgres";
}
