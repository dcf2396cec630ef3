namespace GonPortal.Portal.Authentication;

/// <summary>
/// Gives the access token for a call to the Server: the one in the <see cref="UserTokenStore"/>,
/// refreshed with the refresh token first when it has expired.
/// </summary>
public sealed class AccessTokenProvider(UserTokenStore store, TokenRefresher refresher)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The access token to send, or null when nobody is signed in.</summary>
    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        var current = store.Tokens;
        if (current is null)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            current = store.Tokens!;
            var valid = await refresher.GetValidAsync(current, cancellationToken);
            if (valid is null)
            {
                // Refresh failed: send the old token; the Server answers UNAUTHENTICATED and the page says so.
                return current.AccessToken;
            }

            if (!ReferenceEquals(valid.Tokens, current))
            {
                store.Set(valid.Tokens);
            }

            return valid.Tokens.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }
}
