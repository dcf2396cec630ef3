using GonPortal.HostContracts;
using GonPortal.Server.Audit;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GonPortal.Server.Tests.Audit;

/// <summary>
/// A fresh, migrated Server database of its own (SQLite file or PostgreSQL database), so a test can tamper with
/// the audit trail through SQL without touching the shared hosts' trail.
/// </summary>
public sealed class AuditChainDatabase : IAsyncDisposable
{
    private readonly DatabaseProvider _provider;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gon-audit-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresName;

    public string ConnectionString { get; }

    private AuditChainDatabase(DatabaseProvider provider)
    {
        _provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(_folder);
            ConnectionString = $"Data Source={Path.Combine(_folder, "gon.db")}";
        }
        else
        {
            _postgresName = $"gon_audit_{Guid.NewGuid():N}"[..30];
            ConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection) { Database = _postgresName }.ConnectionString;
        }
    }

    public static async Task<AuditChainDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            TestEnvironment.RequirePostgres();
        }
        var database = new AuditChainDatabase(provider);
        await using var db = database.Context(new TenantContext());
        await db.Database.MigrateAsync();
        return database;
    }

    public string ProviderName => _provider.ToString();

    public GonDbContext Context(TenantContext tenant)
    {
        GonDbContext db = _provider == DatabaseProvider.Sqlite
            ? new SqliteGonDb(new DbContextOptionsBuilder<SqliteGonDb>().UseSqlite(ConnectionString).Options)
            : new PostgresGonDb(new DbContextOptionsBuilder<PostgresGonDb>().UseNpgsql(ConnectionString).Options);
        db.LeaseTo(tenant);
        return db;
    }

    /// <summary>A context of a caller of <paramref name="tenantId"/>, for appending.</summary>
    public GonDbContext ContextOf(Guid tenantId)
    {
        var tenant = new TenantContext();
        tenant.Resolve(tenantId, "Testorganisatie", GonRoles.Hoofdaanbieder, "tester", "Test Persoon", null);
        return Context(tenant);
    }

    /// <summary>Appends one entry the way the application does (through SaveChanges) and returns it.</summary>
    public async Task<AuditEntry> AppendAsync(Guid tenantId, DateTimeOffset? at = null, Guid? clientId = null)
    {
        await using var db = ContextOf(tenantId);
        var entry = new AuditEntry
        {
            Id = Guid.NewGuid(),
            OccurredAt = at ?? DateTimeOffset.UtcNow,
            ActorSubject = "tester",
            ActorName = "Test Persoon",
            ActorTenantId = tenantId,
            ActorOrganisationName = "Testorganisatie",
            ActorRole = GonRoles.Hoofdaanbieder,
            Method = "/gon.v1.ClientService/GetClient",
            Resource = "Client",
            Access = "read",
            ClientId = clientId ?? Guid.NewGuid(),
        };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    public async Task<AuditVerification> VerifyAsync()
    {
        await using var db = Context(new TenantContext());
        return await new AuditChainVerifier(db).VerifyAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection) { Database = "postgres" };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // the OS cleans the temp folder
            }
        }
    }
}
