using System.Text.Json;

namespace GonPortal.Server.Administration;

/// <summary>
/// The Server's access token for Identity's admin API (client credentials as <c>gon-server</c>, scope
/// <c>gon.admin</c>), kept until a minute before it expires so a burst of administration calls costs one token request.
/// </summary>
public sealed class IdentityAdminToken(IHttpClientFactory httpClients, IConfiguration configuration, TimeProvider clock)
{
    public const string HttpClientName = "identity-token";
    public const string SecretKey = "Identity:ServerClient:ClientSecret";
    public const string DefaultSecret = "gon-server-dev-secret";

    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_current is { } cached && clock.GetUtcNow() < cached.RenewAt)
        {
            return cached.Token;
        }
        await _lock.WaitAsync(ct);
        try
        {
            if (_current is { } again && clock.GetUtcNow() < again.RenewAt)
            {
                return again.Token;
            }
            using var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = AdminApiContract.ServerClientId,
                ["client_secret"] = configuration[SecretKey] ?? DefaultSecret,
                ["scope"] = AdminApiContract.Scope,
            }), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Identity refused the Server's admin token request ({(int)response.StatusCode}): {body}");
            }
            var json = JsonDocument.Parse(body).RootElement;
            var token = json.GetProperty("access_token").GetString()!;
            var lifetime = TimeSpan.FromSeconds(json.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 300);
            _current = (token, clock.GetUtcNow() + lifetime - RenewBefore);
            return token;
        }
        finally
        {
            _lock.Release();
        }
    }
}
