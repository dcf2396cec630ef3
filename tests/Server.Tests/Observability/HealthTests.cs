using System.Net;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GonPortal.Server.Tests.Observability;

/// <summary>
/// Liveness apart from readiness on the Server and Identity: both answer while the database is there; once it is
/// gone, readiness fails and liveness still answers (restarting the process would not bring the database back).
/// Each test has hosts of its own, as it takes their database away.
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task On_sqlite_readiness_fails_when_the_database_file_is_gone_and_liveness_stays()
    {
        await using var hosts = new SqliteHosts();
        await hosts.InitializeAsync();
        hosts.RequireAvailable();
        using var http = new HttpClient();
        var server = hosts.ServerHttpUrl;
        var identity = hosts.IdentityUrl;
        await AssertStatus(http, HttpStatusCode.OK, server, "health/live", "health/ready", "health");
        await AssertStatus(http, HttpStatusCode.OK, identity, "health/live", "health/ready", "health");

        var serverDb = new SqliteConnectionStringBuilder(hosts.ServerDatabase.ConnectionString).DataSource;
        var identityDb = Path.Combine(Path.GetDirectoryName(serverDb)!, "identity.db");
        Assert.True(File.Exists(identityDb), identityDb);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { serverDb, identityDb }.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }).Where(File.Exists))
        {
            File.Delete(file);
        }

        await AssertStatus(http, HttpStatusCode.ServiceUnavailable, server, "health/ready");
        await AssertStatus(http, HttpStatusCode.ServiceUnavailable, identity, "health/ready", "health");
        // The Server's plain /health is liveness (a probe may call it thousands of times a second).
        await AssertStatus(http, HttpStatusCode.OK, server, "health/live", "health");
        await AssertStatus(http, HttpStatusCode.OK, identity, "health/live");
    }

    [Fact]
    public async Task On_postgres_readiness_fails_when_the_database_is_dropped_and_liveness_stays()
    {
        TestEnvironment.RequirePostgres();
        await using var hosts = new PostgresHosts();
        await hosts.InitializeAsync();
        hosts.RequireAvailable();
        using var http = new HttpClient();
        await AssertStatus(http, HttpStatusCode.OK, hosts.ServerHttpUrl, "health/live", "health/ready");

        var database = new NpgsqlConnectionStringBuilder(hosts.ServerDatabase.ConnectionString).Database!;
        var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection) { Database = "postgres" };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await AssertStatus(http, HttpStatusCode.ServiceUnavailable, hosts.ServerHttpUrl, "health/ready");
        await AssertStatus(http, HttpStatusCode.OK, hosts.ServerHttpUrl, "health/live", "health");
    }

    private static async Task AssertStatus(HttpClient http, HttpStatusCode expected, Uri host, params string[] paths)
    {
        foreach (var path in paths)
        {
            using var response = await http.GetAsync(new Uri(host, path), TestContext.Current.CancellationToken);
            Assert.True(expected == response.StatusCode, $"{host}{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
