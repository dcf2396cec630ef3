using GonPortal.Server.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.AccessMatrix;

/// <summary>Runs the access matrix against the real Identity and Server.</summary>
public abstract class AccessMatrixTests(GonHosts hosts)
{
    public static TheoryData<string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var cell in AccessMatrix.Cells().Where(c => !AccessMatrix.Pending.Contains(c.Rpc.Split('#')[0])))
        {
            data.Add(cell.Rpc, cell.Caller, cell.Expected);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Caller_gets_the_expected_outcome(string rpc, string caller, string expected)
    {
        hosts.RequireAvailable();
        var scenario = new Scenario(hosts);
        var invoker = await hosts.InvokerFor(caller);
        var actual = StatusCode.OK;
        RpcException? failure = null;
        try
        {
            await AccessMatrix.Cases[rpc](scenario, caller, invoker);
        }
        catch (RpcException e)
        {
            actual = e.StatusCode;
            failure = e;
        }
        Assert.True(AccessMatrix.ToStatus(expected) == actual, $"{rpc} as {caller}: expected {expected}, got {actual}");
        // Every refusal carries our ErrorInfo; only a missing token is answered by the authentication layer itself.
        if (failure is not null && actual != StatusCode.Unauthenticated && failure.Trailers.Get(AccessMatrix.SyntheticHeader) is null)
        {
            ErrorModel.ErrorInfoAssert.Info(failure);
        }
    }

    [Fact]
    public void Every_mapped_rpc_has_a_row_for_every_caller()
    {
        hosts.RequireAvailable();
        var mapped = hosts.ServerServices.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>())
            .Where(m => m is not null && m.Method.ServiceName.StartsWith("gon.v1.", StringComparison.Ordinal))
            .Select(m => $"{m!.Method.ServiceName["gon.v1.".Length..]}/{m.Method.Name}")
            .Except(AccessMatrix.Pending) // rows written ahead of their RPC's code
            .ToHashSet();
        var cells = AccessMatrix.Cells();
        var inTable = cells.Select(c => c.Rpc.Split('#')[0]).Except(AccessMatrix.Pending).ToHashSet();
        Assert.Empty(mapped.Except(inTable));
        Assert.Empty(inTable.Except(mapped));
        Assert.All(cells.GroupBy(c => c.Rpc), g => Assert.Equal(Callers.All.Order(), g.Select(c => c.Caller).Order()));
        Assert.All(cells, c => Assert.True(AccessMatrix.Cases.ContainsKey(c.Rpc), $"no case for {c.Rpc}"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAccessMatrixTests(SqliteHosts hosts) : AccessMatrixTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAccessMatrixTests(PostgresHosts hosts) : AccessMatrixTests(hosts);
