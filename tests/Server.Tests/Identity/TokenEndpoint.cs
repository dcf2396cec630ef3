using System.Text.Json;
using GonPortal.HostContracts;

namespace GonPortal.Server.Tests.Identity;

/// <summary>Client-credentials requests at Identity's real token endpoint, and a look inside the JWT.</summary>
internal static class TokenEndpoint
{
    public static async Task<string> AccessTokenAsync(Uri identityUrl, string clientId, string clientSecret)
    {
        var (succeeded, json) = await RequestAsync(identityUrl, clientId, clientSecret);
        Assert.True(succeeded, $"Token request for {clientId} failed: {json}");
        return json.GetProperty("access_token").GetString()!;
    }

    /// <summary>The OAuth error of a request that must fail.</summary>
    public static async Task<string?> ErrorAsync(Uri identityUrl, string clientId, string clientSecret)
    {
        var (succeeded, json) = await RequestAsync(identityUrl, clientId, clientSecret);
        Assert.False(succeeded, $"Token request for {clientId} should have failed: {json}");
        return json.GetProperty("error").GetString();
    }

    public static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement;

    public static long LifetimeSeconds(string jwt)
    {
        var payload = Payload(jwt);
        return payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64();
    }

    private static async Task<(bool Succeeded, JsonElement Json)> RequestAsync(Uri identityUrl, string clientId, string clientSecret)
    {
        using var http = new HttpClient { BaseAddress = identityUrl };
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = GonScopes.Api,
        }));
        return (response.IsSuccessStatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
