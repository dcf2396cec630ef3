using GonPortal.Server.Grpc;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.Administration;

internal static class MachineClientMapping
{
    public static V1.MachineClient ToProto(AdminMachineClient c) => new()
    {
        ClientId = c.ClientId,
        OrganisationId = c.OrganisationId.ToString(),
        DisplayName = c.DisplayName,
        State = c.State switch
        {
            AdminMachineClientStates.Active => V1.MachineClientState.Active,
            AdminMachineClientStates.Revoked => V1.MachineClientState.Revoked,
            _ => V1.MachineClientState.Unspecified,
        },
        CreatedAt = ProtoConvert.ToProto(c.CreatedAt),
        SecretRotatedAt = ProtoConvert.ToProto(c.SecretRotatedAt),
        PreviousSecretValidUntil = ProtoConvert.ToProto(c.PreviousSecretValidUntil),
        RevokedAt = ProtoConvert.ToProto(c.RevokedAt),
    };
}
