using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace GonPortal.Identity.Onboarding;

/// <summary>
/// OpenIddict's application manager with the two rules machine clients add to its client-secret check,
/// which OpenIddict's token endpoint calls for every confidential client: a revoked client is refused
/// (the only place "revoked" is checked), and after a rotation the previous secret is accepted until its
/// grace period ends. The previous secret is compared with OpenIddict's own hash comparison.
/// </summary>
public sealed class MachineClientApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    TimeProvider time)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    public override async ValueTask<bool> ValidateClientSecretAsync(
        OpenIddictEntityFrameworkCoreApplication application, string secret, CancellationToken cancellationToken = default)
    {
        var state = MachineClientState.ReadFrom(await GetPropertiesAsync(application, cancellationToken));
        if (state.IsRevoked)
        {
            return false;
        }

        if (await base.ValidateClientSecretAsync(application, secret, cancellationToken))
        {
            return true;
        }

        return state.PreviousSecretHashValidAt(time.GetUtcNow()) is { } previous
            && await ValidateClientSecretAsync(secret, previous, cancellationToken);
    }

    /// <summary>
    /// Sets a new secret and keeps the current one's hash as the previous secret until
    /// <paramref name="previousValidUntil"/>; one update, so both change together.
    /// </summary>
    public async ValueTask RotateClientSecretAsync(
        OpenIddictEntityFrameworkCoreApplication application, string newSecret, DateTimeOffset rotatedAt, DateTimeOffset previousValidUntil,
        CancellationToken cancellationToken)
    {
        var properties = await GetPropertiesAsync(application, cancellationToken);
        var state = MachineClientState.ReadFrom(properties) with
        {
            SecretRotatedAt = rotatedAt,
            PreviousSecretHash = await Store.GetClientSecretAsync(application, cancellationToken),
            PreviousSecretValidUntil = previousValidUntil,
        };
        await Store.SetPropertiesAsync(application, state.WriteTo(properties), cancellationToken);
        await UpdateAsync(application, newSecret, cancellationToken);
    }

    /// <summary>Marks the client revoked and forgets the previous secret, which can never be used again.</summary>
    public async ValueTask MarkRevokedAsync(OpenIddictEntityFrameworkCoreApplication application, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        var properties = await GetPropertiesAsync(application, cancellationToken);
        var state = MachineClientState.ReadFrom(properties) with
        {
            RevokedAt = revokedAt,
            PreviousSecretHash = null,
            PreviousSecretValidUntil = null,
        };
        await Store.SetPropertiesAsync(application, state.WriteTo(properties), cancellationToken);
        await UpdateAsync(application, cancellationToken);
    }

    /// <summary>Replaces the organisation name stored with the client (the tenant id and role stay).</summary>
    public async ValueTask SetTenantNameAsync(OpenIddictEntityFrameworkCoreApplication application, string tenantName, CancellationToken cancellationToken)
    {
        var properties = await GetPropertiesAsync(application, cancellationToken);
        if (Tokens.MachineClientTenant.ReadFrom(properties) is not { } tenant || tenant.TenantName == tenantName)
        {
            return;
        }
        await Store.SetPropertiesAsync(application, (tenant with { TenantName = tenantName }).WriteTo(properties), cancellationToken);
        await UpdateAsync(application, cancellationToken);
    }
}
