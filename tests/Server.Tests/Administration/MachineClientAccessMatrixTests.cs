using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;

namespace GonPortal.Server.Tests.Administration;

/// <summary>Runs <see cref="MachineClientAccessMatrix"/> with people signed in through Identity's login form.</summary>
public abstract class MachineClientAccessMatrixTests(GonHosts hosts)
{
    public static TheoryData<string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (rpc, caller, expected) in MachineClientAccessMatrix.Cells())
        {
            data.Add(rpc, caller, expected);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Person_gets_the_expected_outcome(string rpc, string caller, string expected)
    {
        hosts.RequireAvailable();
        var scenario = new OnboardingScenario(hosts);
        var client = await scenario.MachineClientsAs(AdministrationAccessMatrix.Callers[caller]);
        var actual = StatusCode.OK;
        try
        {
            await MachineClientAccessMatrix.Cases[rpc](scenario, client);
        }
        catch (RpcException e)
        {
            actual = e.StatusCode;
        }
        Assert.True(AccessMatrix.AccessMatrix.ToStatus(expected) == actual, $"{rpc} as {caller}: expected {expected}, got {actual}");
    }

    [Fact]
    public void Every_machine_client_rpc_has_a_row_and_every_row_a_case()
    {
        var rpcs = MachineClientService.Descriptor.Methods.Select(m => m.Name).ToHashSet();
        var cells = MachineClientAccessMatrix.Cells().ToList();
        Assert.Empty(rpcs.Except(cells.Select(c => c.Rpc.Split('#')[0])));
        Assert.All(cells, c => Assert.True(MachineClientAccessMatrix.Cases.ContainsKey(c.Rpc), $"no case for {c.Rpc}"));
        Assert.All(cells.GroupBy(c => c.Rpc), g => Assert.Equal(AdministrationAccessMatrix.Callers.Keys.Order(), g.Select(c => c.Caller).Order()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMachineClientAccessMatrixTests(SqliteHosts hosts) : MachineClientAccessMatrixTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMachineClientAccessMatrixTests(PostgresHosts hosts) : MachineClientAccessMatrixTests(hosts);
