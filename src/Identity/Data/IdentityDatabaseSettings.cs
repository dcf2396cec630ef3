using GonPortal.HostContracts;

namespace GonPortal.Identity.Data;

/// <summary>
/// The provider and connection string in effect, resolved once from configuration.
/// Resolved lazily from DI (not while the builder runs) so that configuration added late,
/// e.g. by WebApplicationFactory.ConfigureAppConfiguration in tests, is honoured.
/// </summary>
public sealed record IdentityDatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static IdentityDatabaseSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = IdentityDatabase.ReadProvider(configuration);
        return new(provider, IdentityDatabase.ReadConnectionString(configuration, provider, environment.ContentRootPath));
    }
}
