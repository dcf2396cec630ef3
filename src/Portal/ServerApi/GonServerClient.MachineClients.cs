using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    public Task<ServerResult<IReadOnlyList<MachineClientView>>> ListMachineClientsAsync(CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<MachineClientView>>(nameof(MachineClientService.MachineClientServiceClient.ListMachineClients), async options =>
            (await machineClients.ListMachineClientsAsync(new ListMachineClientsRequest(), options)).MachineClients.Select(ToView).ToList(),
            cancellationToken);

    public Task<ServerResult<MachineClientSecret>> RegisterMachineClientAsync(string requestId, string displayName, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(MachineClientService.MachineClientServiceClient.RegisterMachineClient), async options =>
        {
            var response = await machineClients.RegisterMachineClientAsync(
                new RegisterMachineClientRequest { RequestId = requestId, DisplayName = displayName.Trim() }, options);
            return new MachineClientSecret(ToView(response.MachineClient), response.ClientSecret);
        }, cancellationToken);

    public Task<ServerResult<MachineClientSecret>> RotateMachineClientSecretAsync(string clientId, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(MachineClientService.MachineClientServiceClient.RotateMachineClientSecret), async options =>
        {
            var response = await machineClients.RotateMachineClientSecretAsync(new RotateMachineClientSecretRequest { ClientId = clientId }, options);
            return new MachineClientSecret(ToView(response.MachineClient), response.ClientSecret);
        }, cancellationToken);

    public Task<ServerResult<MachineClientView>> RevokeMachineClientAsync(string clientId, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(MachineClientService.MachineClientServiceClient.RevokeMachineClient), async options =>
            ToView((await machineClients.RevokeMachineClientAsync(new RevokeMachineClientRequest { ClientId = clientId }, options)).MachineClient),
            cancellationToken);

    private static MachineClientView ToView(MachineClient c) => new(
        c.ClientId, c.DisplayName, c.State, ToDateTime(c.CreatedAt), ToDateTime(c.SecretRotatedAt), ToDateTime(c.PreviousSecretValidUntil), ToDateTime(c.RevokedAt));
}
