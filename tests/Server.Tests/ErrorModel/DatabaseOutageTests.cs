using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Npgsql;
using static GonPortal.Server.Tests.ErrorModel.ErrorInfoAssert;

namespace GonPortal.Server.Tests.ErrorModel;

/// <summary>
/// A database that drops the Server's connections (as a PostgreSQL restart or an administrator's
/// pg_terminate_backend does: 57P01) gives UNAVAILABLE with retry advice and none of the exception's text,
/// and the Server serves again once the database does.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageTests(PostgresHosts hosts)
{
    [Fact]
    public async Task Dropped_database_connections_answer_unavailable_with_retry_advice_and_no_exception_text()
    {
        hosts.RequireAvailable();
        var clients = new ClientService.ClientServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        await clients.ListClientsAsync(new() { PageSize = 1 }); // the pool now holds open connections

        Assert.True(await TerminateServerConnections() > 0);
        var e = await RpcAssert.Fails(StatusCode.Unavailable, async () => await clients.ListClientsAsync(new() { PageSize = 1 }));

        var info = Reason(e, "DATABASE_UNAVAILABLE");
        var retry = e.GetRpcStatus()!.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero);
        Assert.Equal($"{(int)retry.RetryDelay.ToTimeSpan().TotalMilliseconds}", info.Metadata["retry_after_ms"]);
        Assert.DoesNotContain("57P01", e.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", e.Status.Detail, StringComparison.Ordinal);

        // The retry the answer advises succeeds once the broken connections are gone.
        ListClientsResponse? answer = null;
        for (var attempt = 0; attempt < 20 && answer is null; attempt++)
        {
            try
            {
                answer = await clients.ListClientsAsync(new() { PageSize = 1 });
            }
            catch (RpcException again) when (again.StatusCode == StatusCode.Unavailable)
            {
                await Task.Delay(retry.RetryDelay.ToTimeSpan() / 10);
            }
        }
        Assert.NotNull(answer);
    }

    /// <summary>Ends every backend of the Server's database, as an administrator's shutdown does (SQLSTATE 57P01).</summary>
    private async Task<int> TerminateServerConnections()
    {
        var database = new NpgsqlConnectionStringBuilder(hosts.ServerDatabase.ConnectionString).Database;
        var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue("db", database!);
        var terminated = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(200); // the backends exit asynchronously
        return terminated;
    }
}
