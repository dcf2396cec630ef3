using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GonPortal.Server.Tests.ErrorModel.ErrorInfoAssert;

namespace GonPortal.Server.Tests.ErrorModel;

/// <summary>
/// A Server whose PostgreSQL goes away (connections cut, new ones refused, as in a restart) answers UNAVAILABLE
/// with retry advice and none of the exception's text, and serves again once the database is back. The Server
/// runs on a database of its own behind an <see cref="OutageProxy"/>; Identity is the collection's.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageTests(PostgresHosts hosts)
{
    [Fact]
    public async Task A_database_outage_answers_unavailable_with_retry_advice_and_no_exception_text()
    {
        hosts.RequireAvailable();
        var real = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection);
        await using var proxy = new OutageProxy(real.Host!, real.Port);
        var database = $"gon_test_outage_{Guid.NewGuid():N}"[..40];
        var viaProxy = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection) { Host = "127.0.0.1", Port = proxy.Port, Database = database, Timeout = 3 };
        try
        {
            await using (var server = new OutageServer(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Gon"] = viaProxy.ConnectionString,
                ["Identity:Authority"] = hosts.IdentityUrl.ToString().TrimEnd('/'),
                ["Clock:Today"] = "2028-01-15",
                ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
                ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            }))
            {
                server.StartServer();
                var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                using var channel = GrpcChannel.ForAddress(address);
                var token = await hosts.TokenFor(Callers.HaStadse);
                var clients = new ClientService.ClientServiceClient(channel.CreateCallInvoker()
                    .Intercept(m => { m.Add("Authorization", $"Bearer {token}"); return m; }));
                await clients.ListClientsAsync(new() { PageSize = 1 });

                proxy.GoDown();
                var e = await RpcAssert.Fails(StatusCode.Unavailable, async () => await clients.ListClientsAsync(new() { PageSize = 1 }));
                var info = Reason(e, "DATABASE_UNAVAILABLE");
                var retry = e.GetRpcStatus()!.GetDetail<RetryInfo>();
                Assert.NotNull(retry);
                Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero);
                Assert.Equal($"{(int)retry.RetryDelay.ToTimeSpan().TotalMilliseconds}", info.Metadata["retry_after_ms"]);
                Assert.DoesNotContain("Exception", e.Status.Detail, StringComparison.Ordinal);
                Assert.DoesNotContain("Npgsql", e.Status.Detail, StringComparison.Ordinal);

                proxy.ComeUp();
                ListClientsResponse? answer = null;
                for (var attempt = 0; attempt < 10 && answer is null; attempt++)
                {
                    try
                    {
                        answer = await clients.ListClientsAsync(new() { PageSize = 1 });
                    }
                    catch (RpcException again) when (again.StatusCode == StatusCode.Unavailable)
                    {
                        await Task.Delay(retry.RetryDelay.ToTimeSpan());
                    }
                }
                Assert.NotNull(answer);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection) { Database = "postgres" };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private sealed class OutageServer : WebApplicationFactory<ServerAssembly>
    {
        private readonly IReadOnlyDictionary<string, string?> _settings;

        public OutageServer(IReadOnlyDictionary<string, string?> settings)
        {
            _settings = settings;
            this.UseKestrel();
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
