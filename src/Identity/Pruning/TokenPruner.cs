using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace GonPortal.Identity.Pruning;

/// <summary>
/// Deletes tokens and authorizations created before the retention threshold that are expired, redeemed,
/// revoked or otherwise no longer valid (OpenIddict's PruneAsync rules). Without this, every client
/// credentials call and every refresh leaves a row behind for ever.
/// </summary>
public sealed class TokenPruner(
    IServiceScopeFactory scopes, IOptions<PruningSettings> settings, TimeProvider time, ILogger<TokenPruner> logger)
{
    public async Task<(long Tokens, long Authorizations)> PruneAsync(CancellationToken cancellationToken)
    {
        var threshold = time.GetUtcNow() - TimeSpan.FromDays(settings.Value.RetentionDays);
        await using var scope = scopes.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
        logger.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations created before {Threshold}", tokens, authorizations, threshold);
        return (tokens, authorizations);
    }
}
