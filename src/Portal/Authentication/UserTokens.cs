using System.Globalization;
using Microsoft.AspNetCore.Authentication;

namespace GonPortal.Portal.Authentication;

/// <summary>
/// The tokens of the signed-in person that the portal needs to call the Server.
/// Serializable, so it can be handed from the prerendering request to the interactive circuit.
/// </summary>
public sealed record UserTokens(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt)
{
    /// <summary>How long before the real expiry a token is already treated as expired.</summary>
    public static readonly TimeSpan ExpirySkew = TimeSpan.FromSeconds(60);

    public const string AccessTokenName = "access_token";
    public const string RefreshTokenName = "refresh_token";
    public const string ExpiresAtName = "expires_at";
    public const string IdTokenName = "id_token";

    /// <summary>True when the access token is expired or about to expire.</summary>
    public bool NeedsRefresh(DateTimeOffset now) => ExpiresAt - ExpirySkew <= now;

    /// <summary>Reads the tokens the OpenID Connect handler saved in the authentication properties.</summary>
    public static UserTokens? FromProperties(AuthenticationProperties? properties)
    {
        if (properties?.GetTokenValue(AccessTokenName) is not { Length: > 0 } accessToken)
        {
            return null;
        }

        var expiresAt = DateTimeOffset.TryParse(
            properties.GetTokenValue(ExpiresAtName), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : DateTimeOffset.MinValue; // unknown expiry: refresh before the first use

        return new UserTokens(accessToken, properties.GetTokenValue(RefreshTokenName), expiresAt);
    }

    /// <summary>Writes these tokens back into authentication properties (used to renew the cookie).</summary>
    public void WriteTo(AuthenticationProperties properties, string? idToken = null)
    {
        var tokens = properties.GetTokens().ToDictionary(t => t.Name, t => t.Value, StringComparer.Ordinal);
        tokens[AccessTokenName] = AccessToken;
        tokens[ExpiresAtName] = ExpiresAt.ToString("o", CultureInfo.InvariantCulture);
        if (RefreshToken is not null)
        {
            tokens[RefreshTokenName] = RefreshToken;
        }

        if (!string.IsNullOrEmpty(idToken))
        {
            tokens[IdTokenName] = idToken;
        }

        properties.StoreTokens(tokens.Select(t => new AuthenticationToken { Name = t.Key, Value = t.Value }));
    }
}
