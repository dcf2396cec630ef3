using GonPortal.Contracts.V1;
using GonPortal.Domain.Validation;
using GonPortal.Server.Audit;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Idempotency;
using GonPortal.Server.Tenancy;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace GonPortal.Server.Administration;

/// <summary>
/// The machine clients of the caller's own organisation (the tenant in the token; there is no organisation field, so
/// nobody can name another one). Administrators of any role only; people without the claim and machine clients are
/// refused. A client id of another organisation is NOT_FOUND at Identity, exactly like an unknown one. Every change
/// is audited after Identity accepted it; the secret appears only in the response, never in the audit trail.
/// </summary>
[Authorize(Roles = GonRoles.AnyRole)]
public sealed class MachineClientGrpcService(
    GonDbContext db,
    TenantContext tenant,
    CallInfo call,
    IdempotentRequests idempotency,
    IdentityAdminClient identity,
    TimeProvider clock) : MachineClientService.MachineClientServiceBase
{
    private const string AuditAccess = "admin";

    [Authorize(Policy = AdministratorAccess.Administrator)]
    public override async Task<ListMachineClientsResponse> ListMachineClients(ListMachineClientsRequest request, ServerCallContext context)
    {
        var clients = await identity.ListMachineClientsAsync(tenant.TenantId, context.CancellationToken);
        var response = new ListMachineClientsResponse();
        // Identity lists oldest first; the contract promises newest first.
        response.MachineClients.AddRange(clients
            .OrderByDescending(c => c.CreatedAt ?? DateTimeOffset.MinValue)
            .ThenByDescending(c => c.ClientId, StringComparer.Ordinal)
            .Select(MachineClientMapping.ToProto));
        return response;
    }

    /// <summary>
    /// Idempotent per request_id: the idempotency record keeps the registration id derived from it (a Guid, like every
    /// ResourceId), and Identity keeps that id on the client, so a repeat finds the same client id through it. A repeat
    /// registers nothing and answers with an empty secret, which Identity no longer knows.
    /// </summary>
    [Authorize(Policy = AdministratorAccess.Administrator)]
    public override async Task<RegisterMachineClientResponse> RegisterMachineClient(RegisterMachineClientRequest request, ServerCallContext context)
    {
        var v = new Violations();
        Text.RequestId(v, "request_id", request.RequestId);
        Text.Required(v, "display_name", request.DisplayName, 2, 100);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var secret = "";
        return await idempotency.CreateOnceAsync(request, request.RequestId,
            async () =>
            {
                var registrationId = DerivedIds.For(tenant, call, request.RequestId);
                var registered = await identity.RegisterMachineClientAsync(tenant.TenantId, new(registrationId, request.DisplayName.Trim()), ct);
                secret = registered.ClientSecret;
                Audit($"MachineClient {registered.MachineClient.ClientId} registered: display_name={registered.MachineClient.DisplayName}");
                return registrationId;
            },
            async registrationId => new RegisterMachineClientResponse
            {
                MachineClient = MachineClientMapping.ToProto(
                    (await identity.ListMachineClientsAsync(tenant.TenantId, ct)).SingleOrDefault(c => c.RegistrationId == registrationId)
                    ?? throw new NotFoundException("Machine client")),
                ClientSecret = secret,
            },
            ct);
    }

    [Authorize(Policy = AdministratorAccess.Administrator)]
    public override async Task<RotateMachineClientSecretResponse> RotateMachineClientSecret(RotateMachineClientSecretRequest request, ServerCallContext context)
    {
        var clientId = RequiredClientId(request.ClientId);
        var ct = context.CancellationToken;
        var rotated = await identity.RotateMachineClientSecretAsync(tenant.TenantId, clientId, ct);
        Audit($"MachineClient {clientId} rotated: previous secret valid until {rotated.MachineClient.PreviousSecretValidUntil:O}");
        await db.SaveChangesAsync(ct);
        return new RotateMachineClientSecretResponse
        {
            MachineClient = MachineClientMapping.ToProto(rotated.MachineClient),
            ClientSecret = rotated.ClientSecret,
        };
    }

    [Authorize(Policy = AdministratorAccess.Administrator)]
    public override async Task<RevokeMachineClientResponse> RevokeMachineClient(RevokeMachineClientRequest request, ServerCallContext context)
    {
        var clientId = RequiredClientId(request.ClientId);
        var ct = context.CancellationToken;
        var revoked = await identity.RevokeMachineClientAsync(tenant.TenantId, clientId, ct);
        Audit($"MachineClient {clientId} revoked");
        await db.SaveChangesAsync(ct);
        return new RevokeMachineClientResponse { MachineClient = MachineClientMapping.ToProto(revoked) };
    }

    private static string RequiredClientId(string clientId)
    {
        var v = new Violations();
        Text.Required(v, "client_id", clientId, 1, 200);
        v.ThrowIfAny();
        return clientId.Trim();
    }

    /// <summary>One entry per change: who (the caller), their organisation and what; never a secret.</summary>
    private void Audit(string change) =>
        db.AuditEntries.Add(AuditRecord.For(tenant, call, clock.GetUtcNow(), $"{change} [organisation {tenant.TenantId}]", AuditAccess));
}
