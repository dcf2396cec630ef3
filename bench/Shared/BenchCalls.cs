using System.Text.Json;
using GonPortal.HostContracts;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace GonPortal.Bench;

/// <summary>gRPC call invokers authenticated as a demo organisation's machine client (client credentials).</summary>
internal static class BenchCalls
{
    public static async Task<CallInvoker> AsAsync(GrpcChannel channel, string identityUrl, Guid organisationId)
    {
        var token = await TokenAsync(identityUrl, organisationId);
        return channel.CreateCallInvoker().Intercept(m => { m.Add("Authorization", $"Bearer {token}"); return m; });
    }

    /// <summary>The machine client's access token, for plain HTTP calls too (the exports).</summary>
    public static async Task<string> TokenAsync(string identityUrl, Guid organisationId)
    {
        using var http = new HttpClient();
        var client = DemoData.MachineClients.Single(c => c.OrganisationId == organisationId);
        var response = await http.PostAsync($"{identityUrl}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.ClientSecret, ["scope"] = GonScopes.Api,
        }));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }
}
