using GonPortal.HostContracts;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Fuzz;

/// <summary>
/// Bad requests to every RPC by every role over real gRPC (issue 14): no call may answer INTERNAL or UNKNOWN, take
/// longer than <see cref="FuzzSettings.Bound"/>, or store rows while refusing. The hosts are the fuzzer's own, as
/// accepted mutated requests change the demo data other tests rely on.
/// </summary>
public abstract class FuzzTests(GonHosts hosts)
{
    [Fact]
    public async Task Bad_requests_by_every_role_to_every_rpc_are_refused_cleanly()
    {
        hosts.RequireAvailable();
        var settings = FuzzSettings.FromEnvironment();
        var report = await new FuzzRun(hosts, settings).RunAsync();

        var summary = report.Summary();
        TestContext.Current.SendDiagnosticMessage(summary);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Console.Error.WriteLine(summary);
        Assert.True(report.Requests > 0, "no request was sent (GON_FUZZ_RPC matches no RPC?)");
        Assert.True(report.Findings.Count == 0, $"{summary}\n{report.Details()}");
    }

    [Fact]
    public void The_catalog_holds_exactly_the_mapped_rpcs()
    {
        hosts.RequireAvailable();
        var mapped = hosts.ServerServices.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>())
            .Where(m => m is not null && m.Method.ServiceName.StartsWith("gon.v1.", StringComparison.Ordinal))
            .Select(m => $"{m!.Method.ServiceName["gon.v1.".Length..]}/{m.Method.Name}")
            .ToHashSet();
        Assert.Equal(mapped.Order(StringComparer.Ordinal), RpcCatalog.All.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Contains(RpcCatalog.All, r => r.ClientStreaming && r.ServerStreaming);
    }
}

public sealed class FuzzSqliteHosts() : GonHosts(DatabaseProvider.Sqlite);

public sealed class FuzzPostgresHosts() : GonHosts(DatabaseProvider.Postgres);

public sealed class SqliteFuzzTests(FuzzSqliteHosts hosts) : FuzzTests(hosts), IClassFixture<FuzzSqliteHosts>;

public sealed class PostgresFuzzTests(FuzzPostgresHosts hosts) : FuzzTests(hosts), IClassFixture<FuzzPostgresHosts>;
