using GonPortal.Identity.Tokens;
using OpenIddict.Abstractions;

namespace GonPortal.Identity.Onboarding;

/// <summary>
/// Revokes what OpenIddict stored for a person or a machine client: authorizations and tokens (refresh tokens
/// among them), so a stored refresh token is refused at once. Issued access tokens are self-contained JWTs the
/// Server validates on its own; they lapse at their expiry (one hour by default).
/// </summary>
public sealed class TokenRevocation(
    IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, IOpenIddictApplicationManager applications)
{
    public async Task RevokePersonAsync(string userId, CancellationToken ct)
    {
        await authorizations.RevokeBySubjectAsync(userId, ct);
        await tokens.RevokeBySubjectAsync(userId, ct);
    }

    /// <summary>The organisation's machine clients: their tenant is in the application's properties.</summary>
    public async Task RevokeMachineClientsAsync(Guid organisationId, CancellationToken ct)
    {
        var ids = new List<string>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
        {
            var tenant = MachineClientTenant.ReadFrom(await applications.GetPropertiesAsync(application, ct));
            if (tenant?.TenantId == organisationId && await applications.GetIdAsync(application, ct) is { } id)
            {
                ids.Add(id);
            }
        }
        foreach (var id in ids)
        {
            await authorizations.RevokeByApplicationIdAsync(id, ct);
            await tokens.RevokeByApplicationIdAsync(id, ct);
        }
    }
}
