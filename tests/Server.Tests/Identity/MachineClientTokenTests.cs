using System.Net;
using System.Text.Json;
using GonPortal.HostContracts;
using GonPortal.Server.Tests.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Server.Tests.Identity;

/// <summary>Client credentials are for machines: never an identity token, whatever scope is asked.</summary>
public abstract class MachineClientTokenTests(GonHosts hosts)
{
    [Fact]
    public async Task Client_credentials_with_openid_get_no_identity_token()
    {
        hosts.RequireAvailable();
        var client = DemoData.MachineClients[0];
        using var http = new HttpClient { BaseAddress = hosts.IdentityUrl };
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = $"openid {GonScopes.Api}",
        }));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.False(json.TryGetProperty("id_token", out _), json.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Errors.InvalidScope, json.GetProperty("error").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMachineClientTokenTests(SqliteHosts hosts) : MachineClientTokenTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMachineClientTokenTests(PostgresHosts hosts) : MachineClientTokenTests(hosts);
