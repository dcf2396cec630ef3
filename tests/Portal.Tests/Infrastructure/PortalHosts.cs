using System.Net;
using System.Net.Sockets;
using GonPortal.Identity;
using GonPortal.Portal;
using GonPortal.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Portal.Tests.Infrastructure;

/// <summary>
/// The whole system for browser tests: Identity, Server (SQLite, demo data with a year of hours, clock on
/// 15 January 2028) and Portal, each on Kestrel on a loopback port. The Portal's port is chosen first,
/// because Identity registers the Portal's redirect URIs at start-up.
/// </summary>
public class PortalHosts : IAsyncLifetime
{
    /// <summary>The demo's "today", shared by Server and Portal.</summary>
    public const string Today = "2028-01-15";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gon-portal-tests", Guid.NewGuid().ToString("N"));
    private KestrelFactory<IdentityAssembly>? _identity;
    private KestrelFactory<ServerAssembly>? _server;
    private KestrelFactory<PortalAssembly>? _portal;
    private TestMailbox? _mailbox;

    public Uri PortalUrl { get; private set; } = null!;

    /// <summary>Where Identity delivers invitations: a real SMTP listener on loopback.</summary>
    public TestMailbox Mailbox => _mailbox!;

    /// <summary>Identity's services, for tests that need a person of their own (never changing the demo users).</summary>
    public IServiceProvider IdentityServices => _identity!.Services;

    /// <summary>Settings every host gets on top of its own (a derived fixture's, e.g. telemetry on).</summary>
    protected virtual IReadOnlyDictionary<string, string?> CommonSettings { get; } = new Dictionary<string, string?>();

    /// <summary>Test services for one host ("identity", "server", "portal"), e.g. an in-memory exporter.</summary>
    protected virtual void ConfigureTestServices(string host, IServiceCollection services)
    {
    }

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var portalPort = FreePort();
        PortalUrl = new Uri($"http://127.0.0.1:{portalPort}/");
        _mailbox = new TestMailbox(FreePort());

        _identity = new KestrelFactory<IdentityAssembly>("Testing", new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Identity"] = $"Data Source={Path.Combine(_folder, "identity.db")}",
            ["Identity:KeyDirectory"] = Path.Combine(_folder, "keys"),
            ["Identity:AllowInsecureHttp"] = "true",
            ["Identity:Portal:BaseUrl"] = PortalUrl.ToString().TrimEnd('/'),
            // Every test signs in from loopback, faster than a real office behind one address ever would.
            ["Identity:RateLimits:Login:PermitLimit"] = "10000",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = _mailbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:From"] = "GonPortal <no-reply@gonportal.test>",
        }, port: 0, useConfiguredEndpoints: false, Configure("identity"));
        _identity.StartServer();
        var identityUrl = _identity.Addresses.First();

        _server = new KestrelFactory<ServerAssembly>("Testing", new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Gon"] = $"Data Source={Path.Combine(_folder, "gon.db")}",
            ["Identity:Authority"] = identityUrl.ToString().TrimEnd('/'),
            ["Seed:Demo"] = "true",
            ["Seed:DemoHours"] = "true",
            ["Clock:Today"] = Today,
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Http:Protocols"] = "Http2",
        }, port: 0, useConfiguredEndpoints: true, Configure("server"));
        _server.StartServer();
        var serverUrl = _server.Addresses.First();

        // Development: the portal then accepts Identity over plain http on loopback, as under AppHost.
        _portal = new KestrelFactory<PortalAssembly>("Development", new Dictionary<string, string?>
        {
            ["Identity:Authority"] = identityUrl.ToString().TrimEnd('/'),
            ["Server:GrpcUrl"] = serverUrl.ToString().TrimEnd('/'),
            ["Clock:Today"] = Today,
        }, port: portalPort, useConfiguredEndpoints: false, Configure("portal"));
        _portal.StartServer();
        return ValueTask.CompletedTask;
    }

    private (IReadOnlyDictionary<string, string?> Settings, Action<IServiceCollection> Services) Configure(string host) =>
        (CommonSettings, services => ConfigureTestServices(host, services));

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new IAsyncDisposable?[] { _portal, _server, _identity, _mailbox })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file briefly; the temp folder is cleaned by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A WebApplicationFactory on real Kestrel with configuration overrides.</summary>
    private sealed class KestrelFactory<T> : WebApplicationFactory<T> where T : class
    {
        private readonly string _environment;
        private readonly IReadOnlyDictionary<string, string?> _settings;

        private readonly Action<IServiceCollection> _services;

        public KestrelFactory(string environment, IReadOnlyDictionary<string, string?> settings, int port, bool useConfiguredEndpoints,
            (IReadOnlyDictionary<string, string?> Settings, Action<IServiceCollection> Services) extra)
        {
            _environment = environment;
            _settings = settings.Concat(extra.Settings).ToDictionary();
            _services = extra.Services;
            if (useConfiguredEndpoints)
            {
                this.UseKestrel();
            }
            else
            {
                this.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
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

            builder.UseEnvironment(_environment);
            builder.ConfigureTestServices(_services);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalHosts>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "portal";
}
