using GonPortal.Contracts.V1;

namespace GonPortal.Server.Tests.Administration;

/// <summary>
/// MachineClientService × people (machine clients themselves are rows of the main access matrix: always refused).
/// Same callers and codes as <see cref="AdministrationAccessMatrix"/>: every administrator acts on their own
/// organisation's clients only, whatever their role; another organisation's client is NOT_FOUND, not forbidden.
/// </summary>
public static class MachineClientAccessMatrix
{
    public const string Table = """
        rpc                                   gemeente-admin gemeente-user wij-admin stadse-admin oost-admin
        ListMachineClients                    OK PD OK OK OK
        RegisterMachineClient                 OK PD OK OK OK
        RotateMachineClientSecret#stadse      NF PD NF OK NF
        RotateMachineClientSecret#wij         NF PD OK NF NF
        RotateMachineClientSecret#unknown     NF PD NF NF NF
        RevokeMachineClient#stadse            NF PD NF OK NF
        RevokeMachineClient#wij               NF PD OK NF NF
        """;

    private const string Stadse = "coordinator@stadsezorg.demo";
    private const string Wij = "consulent@wij.demo";

    /// <summary>Setup registers as the client's own administrator; the call runs as the cell's caller.</summary>
    public static readonly IReadOnlyDictionary<string, Func<OnboardingScenario, MachineClientService.MachineClientServiceClient, Task>> Cases =
        new Dictionary<string, Func<OnboardingScenario, MachineClientService.MachineClientServiceClient, Task>>
        {
            ["ListMachineClients"] = async (_, c) => await c.ListMachineClientsAsync(new()),
            ["RegisterMachineClient"] = async (_, c) => await c.RegisterMachineClientAsync(new() { RequestId = $"test-{Guid.NewGuid():N}", DisplayName = "ECD Matrix" }),
            ["RotateMachineClientSecret#stadse"] = async (s, c) => await c.RotateMachineClientSecretAsync(new() { ClientId = await ClientOf(s, Stadse) }),
            ["RotateMachineClientSecret#wij"] = async (s, c) => await c.RotateMachineClientSecretAsync(new() { ClientId = await ClientOf(s, Wij) }),
            ["RotateMachineClientSecret#unknown"] = async (_, c) => await c.RotateMachineClientSecretAsync(new() { ClientId = $"ecd-bestaat-niet-{Guid.NewGuid():N}"[..28] }),
            ["RevokeMachineClient#stadse"] = async (s, c) => await c.RevokeMachineClientAsync(new() { ClientId = await ClientOf(s, Stadse) }),
            ["RevokeMachineClient#wij"] = async (s, c) => await c.RevokeMachineClientAsync(new() { ClientId = await ClientOf(s, Wij) }),
        };

    public static IEnumerable<(string Rpc, string Caller, string Expected)> Cells()
    {
        var lines = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var callers = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        foreach (var line in lines[1..])
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < callers.Length; i++)
            {
                yield return (parts[0], callers[i], parts[i + 1]);
            }
        }
    }

    private static async Task<string> ClientOf(OnboardingScenario s, string administrator) =>
        (await s.RegisterMachineClient(administrator, "ECD Matrix")).MachineClient.ClientId;
}
