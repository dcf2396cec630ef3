using GonPortal.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Infrastructure;

/// <summary>
/// Identity alone on Kestrel (loopback, SQLite, its own folder), with extra settings: for tests that change
/// limits the shared <see cref="GonHosts"/> must not have, such as low rate limits.
/// </summary>
public abstract class IdentityHost(IReadOnlyDictionary<string, string?> settings) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gon-tests", Guid.NewGuid().ToString("N"));
    private Factory? _factory;

    public Uri Url { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var all = new Dictionary<string, string?>(settings)
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Identity"] = $"Data Source={Path.Combine(_folder, "identity.db")}",
            ["Identity:KeyDirectory"] = Path.Combine(_folder, "keys"),
            ["Identity:AllowInsecureHttp"] = "true",
        };
        _factory = new Factory(all);
        _factory.StartServer();
        Url = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

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

    private sealed class Factory : WebApplicationFactory<IdentityAssembly>
    {
        private readonly IReadOnlyDictionary<string, string?> _settings;

        public Factory(IReadOnlyDictionary<string, string?> settings)
        {
            _settings = settings;
            this.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseEnvironment("Testing");
        }
    }
}
