using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GonPortal.Portal.Authentication;

/// <summary>
/// Redeems refresh tokens at Identity's token endpoint. Singleton: each refresh token is redeemed at most
/// once per process, and the result is shared, so an interactive circuit and a later HTTP request that still
/// carry the same (rotated-away) refresh token end up with the same new tokens instead of a reuse error.
/// </summary>
public sealed partial class TokenRefresher(
    IOptionsMonitor<OpenIdConnectOptions> oidcOptions,
    TimeProvider timeProvider,
    ILogger<TokenRefresher> logger)
{
    private static readonly TimeSpan RedemptionMemory = TimeSpan.FromHours(1);
    private const int MaxHops = 5;

    private readonly ConcurrentDictionary<string, Redemption> _redemptions = new(StringComparer.Ordinal);

    private sealed record Redemption(DateTimeOffset StartedAt, Lazy<Task<RefreshedTokens?>> Result);

    /// <summary>The outcome of one redemption; the id token is only kept for the cookie (sign-out hint).</summary>
    public sealed record RefreshedTokens(UserTokens Tokens, string? IdToken);

    /// <summary>
    /// Returns tokens whose access token is valid now: <paramref name="current"/> itself when it still is,
    /// otherwise the result of redeeming its refresh token (following earlier redemptions). Null when no
    /// valid access token can be had (no refresh token, or Identity refused it).
    /// </summary>
    public async Task<RefreshedTokens?> GetValidAsync(UserTokens current, CancellationToken cancellationToken)
    {
        var tokens = new RefreshedTokens(current, null);
        for (var hop = 0; hop < MaxHops; hop++)
        {
            if (!tokens.Tokens.NeedsRefresh(timeProvider.GetUtcNow()))
            {
                return tokens;
            }

            if (string.IsNullOrEmpty(tokens.Tokens.RefreshToken))
            {
                return null;
            }

            var next = await RedeemOnceAsync(tokens.Tokens.RefreshToken).WaitAsync(cancellationToken);
            if (next is null)
            {
                return null;
            }

            tokens = next;
        }

        return null;
    }

    private Task<RefreshedTokens?> RedeemOnceAsync(string refreshToken)
    {
        Prune();
        var redemption = _redemptions.GetOrAdd(refreshToken, token => new Redemption(
            timeProvider.GetUtcNow(),
            new Lazy<Task<RefreshedTokens?>>(() => RedeemAsync(token))));
        return ForgetFailuresAsync(refreshToken, redemption);
    }

    private async Task<RefreshedTokens?> ForgetFailuresAsync(string refreshToken, Redemption redemption)
    {
        var result = await redemption.Result.Value;
        if (result is null)
        {
            // A failed attempt (refused or unreachable) is not remembered: a later call may try again.
            _redemptions.TryRemove(new KeyValuePair<string, Redemption>(refreshToken, redemption));
        }

        return result;
    }

    private async Task<RefreshedTokens?> RedeemAsync(string refreshToken)
    {
        var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(timeout.Token);
            using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    [OpenIdConnectParameterNames.GrantType] = OpenIdConnectGrantTypes.RefreshToken,
                    [OpenIdConnectParameterNames.ClientId] = options.ClientId ?? string.Empty,
                    [OpenIdConnectParameterNames.ClientSecret] = options.ClientSecret ?? string.Empty,
                    [OpenIdConnectParameterNames.RefreshToken] = refreshToken,
                }),
            };

            using var response = await options.Backchannel.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogRefreshRefused(logger, (int)response.StatusCode, body);
                return null;
            }

            var message = new OpenIdConnectMessage(body);
            if (string.IsNullOrEmpty(message.AccessToken))
            {
                LogRefreshRefused(logger, (int)response.StatusCode, "no access_token in the response");
                return null;
            }

            var lifetime = int.TryParse(message.ExpiresIn, out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(5);
            var tokens = new UserTokens(
                message.AccessToken,
                string.IsNullOrEmpty(message.RefreshToken) ? refreshToken : message.RefreshToken,
                timeProvider.GetUtcNow() + lifetime);
            LogRefreshed(logger, tokens.ExpiresAt);
            return new RefreshedTokens(tokens, message.IdToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidOperationException or IOException)
        {
            LogRefreshFailed(logger, ex);
            return null;
        }
    }

    private void Prune()
    {
        var cutoff = timeProvider.GetUtcNow() - RedemptionMemory;
        foreach (var (key, redemption) in _redemptions)
        {
            if (redemption.StartedAt < cutoff)
            {
                _redemptions.TryRemove(key, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Access token refreshed; valid until {ExpiresAt:o}.")]
    private static partial void LogRefreshed(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity refused the refresh token ({StatusCode}): {Body}")]
    private static partial void LogRefreshRefused(ILogger logger, int statusCode, string body);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the access token.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
