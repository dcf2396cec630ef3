using GonPortal.HostContracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Identity.Data;

/// <summary>
/// Everything that depends on the chosen database provider, in one place, so the host,
/// the dotnet-ef design-time factories and tests configure contexts identically.
/// </summary>
public static class IdentityDatabase
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Identity";
    public const string DefaultSqliteConnectionString = "Data Source=.data/identity.db";

    /// <summary>Reads <c>Database:Provider</c>; Sqlite when absent so a fresh clone just runs.</summary>
    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Unknown {ProviderKey} '{value}'. Use one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
    }

    /// <summary>
    /// Reads <c>ConnectionStrings:Identity</c>. Only Sqlite has a default; a relative Sqlite file is
    /// resolved against the content root (not the shell's directory) and its folder is created.
    /// </summary>
    public static string ReadConnectionString(IConfiguration configuration, DatabaseProvider provider, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider != DatabaseProvider.Sqlite)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is required for provider {provider}.")
                : connectionString;
        }

        return ResolveSqliteFile(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString, contentRoot);
    }

    /// <summary>Applies the provider and the OpenIddict entities to an options builder.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };

        return options.UseOpenIddict();
    }

    /// <summary>
    /// Creates the provider's context outside DI: used by the design-time factories and by tests,
    /// e.g. <c>CreateContext(DatabaseProvider.Postgres).Database.HasPendingModelChanges()</c>.
    /// No connection is opened until the context is used against a database.
    /// </summary>
    public static IdentityDb CreateContext(DatabaseProvider provider, string? connectionString = null)
    {
        connectionString ??= DesignTimeConnectionString(provider);
        return provider switch
        {
            DatabaseProvider.Sqlite => new SqliteIdentityDb(Options<SqliteIdentityDb>(provider, connectionString)),
            DatabaseProvider.Postgres => new PostgresIdentityDb(Options<PostgresIdentityDb>(provider, connectionString)),
            DatabaseProvider.SqlServer => new SqlServerIdentityDb(Options<SqlServerIdentityDb>(provider, connectionString)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>Placeholder connection strings for tooling; migrations generation never connects.</summary>
    public static string DesignTimeConnectionString(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=identity-design.db",
        DatabaseProvider.Postgres => "Host=localhost;Database=gon_identity;Username=postgres",
        DatabaseProvider.SqlServer => "Server=localhost;Database=GonIdentity;Integrated Security=true;TrustServerCertificate=true",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    internal static DbContextOptions<TContext> Options<TContext>(DatabaseProvider provider, string connectionString)
        where TContext : IdentityDb
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Configure(builder, provider, connectionString);

        // Outside the host there is no DI container to read Identity's store options from.
        builder.UseApplicationServiceProvider(StoreOptionsServices.Value);
        return builder.Options;
    }

    private static readonly Lazy<IServiceProvider> StoreOptionsServices = new(() =>
        new ServiceCollection().Configure<IdentityOptions>(options => IdentityDb.ConfigureStore(options.Stores)).BuildServiceProvider());

    private static string ResolveSqliteFile(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || builder.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }

        var fullPath = Path.GetFullPath(dataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        builder.DataSource = fullPath;
        return builder.ToString();
    }
}
