using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;

namespace GonPortal.Server.Extensions;

/// <summary>
/// Remembers access tokens that passed validation, keyed by the raw token, until the token expires, so a caller's
/// next call skips the RSA signature check (the largest fixed cost of an authorized read after the database).
/// Revocation does not change: the Server never asks Identity about a token, so a valid token was already accepted
/// until its expiry (at most <c>Identity:Tokens:AccessTokenMinutes</c>); a revoked client or deactivated person is
/// locked out when it expires, as before. What does change: a token signed with a key that Identity later withdraws
/// from its key set stays accepted until it expires (before, until the Server refreshed Identity's keys).
/// A token is only ever looked up by its exact text, so a changed or forged token is never a hit.
/// </summary>
public sealed class ValidatedTokenCache
{
    /// <summary>Enough for every person and machine client of a large network at once; beyond it, tokens are checked again.</summary>
    public const int MaxTokens = 20_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxTokens });

    /// <summary>Hooks the cache into the bearer handler: a hit authenticates at once, a validated token is remembered.</summary>
    public void Attach(JwtBearerEvents events)
    {
        var received = events.OnMessageReceived;
        events.OnMessageReceived = async context =>
        {
            await received(context);
            if (context.Result is null && context.Token is null && RawToken(context.Request.Headers.Authorization.ToString()) is { } token
                && _cache.TryGetValue(token, out CachedPrincipal? hit) && hit!.ExpiresAt > Now())
            {
                context.Principal = hit.Principal;
                context.Success();
            }
        };
        var validated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (context.Result is null && context.Principal is { } principal && context.SecurityToken.ValidTo is var validTo
                && validTo > DateTime.UnixEpoch && RawToken(context.Request.Headers.Authorization.ToString()) is { } token)
            {
                // The handler's clock skew lets a token live a little past its expiry; the cache does not.
                var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc));
                if (expiresAt > Now())
                {
                    _cache.Set(token, new CachedPrincipal(principal, expiresAt), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expiresAt });
                }
            }
        };
    }

    private static string? RawToken(string header)
    {
        const string bearer = "Bearer ";
        // Only what the bearer handler itself would read as a token (the same prefix, trimmed) may be a hit.
        var token = header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..].Trim() : "";
        return token.Length > 0 ? token : null;
    }

    /// <summary>Real time, as the token's expiry is (not the Server's shifted demo clock, <c>Clock:Today</c>).</summary>
    private static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    private sealed record CachedPrincipal(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt);
}
