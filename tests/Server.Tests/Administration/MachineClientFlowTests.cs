using System.Net;
using System.Text;
using System.Text.Json;
using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using GonPortal.Server.Data;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationKind = GonPortal.Contracts.V1.OrganisationKind;

namespace GonPortal.Server.Tests.Administration;

/// <summary>
/// Machine clients administered through MachineClientService on the real hosts: a newly onboarded organisation's
/// administrator registers a client whose real client-credentials token acts for that organisation only, rotates
/// its secret (both work during the grace period) and revokes it (no token any more). Validation stores nothing,
/// every change is audited without a secret, and renaming the organisation reaches the provider register and the
/// client's tokens.
/// </summary>
public abstract class MachineClientFlowTests(GonHosts hosts)
{
    private readonly OnboardingScenario _scenario = new(hosts);

    [Fact]
    public async Task A_new_organisations_administrator_registers_rotates_and_revokes_a_client_that_sees_only_its_own_organisation()
    {
        hosts.RequireAvailable();
        var (organisation, _, administrator) = await NewOrganisationWithAdministrator();
        var clients = MachineClients(administrator);

        var requestId = $"test-{Guid.NewGuid():N}";
        var registered = await clients.RegisterMachineClientAsync(new() { RequestId = requestId, DisplayName = "ECD Nedap Ons productie" });
        var client = registered.MachineClient;
        Assert.StartsWith("ecd-", client.ClientId, StringComparison.Ordinal);
        Assert.Equal((organisation.Id, "ECD Nedap Ons productie", MachineClientState.Active), (client.OrganisationId, client.DisplayName, client.State));
        Assert.NotNull(client.CreatedAt);
        Assert.False(string.IsNullOrEmpty(registered.ClientSecret));

        // A repeat of the request registers nothing and never shows the secret again.
        var repeated = await clients.RegisterMachineClientAsync(new() { RequestId = requestId, DisplayName = "ECD Nedap Ons productie" });
        Assert.Equal((client.ClientId, ""), (repeated.MachineClient.ClientId, repeated.ClientSecret));
        Assert.Equal(client.ClientId, Assert.Single((await clients.ListMachineClientsAsync(new())).MachineClients).ClientId);

        // Its real token acts for the new organisation and sees nothing of anyone else's.
        var token = await ClientToken(client.ClientId, registered.ClientSecret);
        var invoker = PersonSignIn.Invoker(hosts, token);
        var me = await new ProviderService.ProviderServiceClient(invoker).GetCurrentOrganisationAsync(new());
        Assert.Equal((organisation.Id, organisation.Name, Role.Hoofdaanbieder, client.ClientId), (me.OrganisationId, me.OrganisationName, me.Role, me.Subject));
        Assert.Empty((await new ClientService.ClientServiceClient(invoker).ListClientsAsync(new() { PageSize = 500 })).Clients);
        var demoClient = (await new ClientService.ClientServiceClient(await hosts.InvokerFor(Callers.HaStadse)).ListClientsAsync(new() { PageSize = 1 })).Clients[0];
        await RpcAssert.Fails(StatusCode.NotFound, async () => await new ClientService.ClientServiceClient(invoker).GetClientAsync(new() { ClientId = demoClient.Id }));
        Assert.Empty((await new SubcontractService.SubcontractServiceClient(invoker).ListSubcontractsAsync(new() { PageSize = 500 })).Subcontracts);
        // Machine clients never administer, not even themselves.
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await new MachineClientService.MachineClientServiceClient(invoker).RotateMachineClientSecretAsync(new() { ClientId = client.ClientId }));

        // Rotation: a second secret, and during the grace period both work.
        var rotated = await clients.RotateMachineClientSecretAsync(new() { ClientId = client.ClientId });
        Assert.NotEqual(registered.ClientSecret, rotated.ClientSecret);
        Assert.NotNull(rotated.MachineClient.PreviousSecretValidUntil);
        Assert.NotNull(rotated.MachineClient.SecretRotatedAt);
        await ClientToken(client.ClientId, registered.ClientSecret);
        await ClientToken(client.ClientId, rotated.ClientSecret);

        // Revocation: neither secret gets a token any more; rotating it now is a wrong state.
        var revoked = (await clients.RevokeMachineClientAsync(new() { ClientId = client.ClientId })).MachineClient;
        Assert.Equal(MachineClientState.Revoked, revoked.State);
        Assert.NotNull(revoked.RevokedAt);
        Assert.Equal("invalid_client", await ClientTokenError(client.ClientId, registered.ClientSecret));
        Assert.Equal("invalid_client", await ClientTokenError(client.ClientId, rotated.ClientSecret));
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await clients.RotateMachineClientSecretAsync(new() { ClientId = client.ClientId }));
        Assert.Equal(MachineClientState.Revoked, Assert.Single((await clients.ListMachineClientsAsync(new())).MachineClients).State);
    }

    [Fact]
    public async Task Another_organisations_client_is_not_found_and_its_list_is_not_shown()
    {
        hosts.RequireAvailable();
        var ofStadse = (await _scenario.RegisterMachineClient("coordinator@stadsezorg.demo")).MachineClient.ClientId;
        var oost = await _scenario.MachineClientsAs("coordinator@oostzorg.demo");
        await RpcAssert.Fails(StatusCode.NotFound, async () => await oost.RotateMachineClientSecretAsync(new() { ClientId = ofStadse }));
        await RpcAssert.Fails(StatusCode.NotFound, async () => await oost.RevokeMachineClientAsync(new() { ClientId = ofStadse }));
        await RpcAssert.Fails(StatusCode.NotFound, async () => await oost.RevokeMachineClientAsync(new() { ClientId = "gon-portal" }));
        Assert.DoesNotContain((await oost.ListMachineClientsAsync(new())).MachineClients, c => c.ClientId == ofStadse);
        var stadse = (await (await _scenario.MachineClientsAs("coordinator@stadsezorg.demo")).ListMachineClientsAsync(new())).MachineClients;
        Assert.Equal(MachineClientState.Active, Assert.Single(stadse, c => c.ClientId == ofStadse).State);
        Assert.All(stadse, c => Assert.Equal(DemoData.StadseZorg.Id.ToString(), c.OrganisationId));
        // Newest first, as the contract says.
        Assert.Equal(stadse.OrderByDescending(c => c.CreatedAt?.ToDateTimeOffset()).Select(c => c.ClientId), stadse.Select(c => c.ClientId));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_field_names_and_nothing_is_registered()
    {
        hosts.RequireAvailable();
        var (_, _, administrator) = await NewOrganisationWithAdministrator();
        var clients = MachineClients(administrator);

        await RpcAssert.InvalidFields(async () => await clients.RegisterMachineClientAsync(new() { RequestId = "", DisplayName = "" }), "request_id", "display_name");
        await RpcAssert.InvalidFields(async () => await clients.RegisterMachineClientAsync(new() { RequestId = new string('r', 101), DisplayName = "E" }), "request_id", "display_name");
        await RpcAssert.InvalidFields(async () => await clients.RegisterMachineClientAsync(new() { RequestId = "ok", DisplayName = new string('e', 101) }), "display_name");
        await RpcAssert.InvalidFields(async () => await clients.RegisterMachineClientAsync(new() { RequestId = "ok", DisplayName = "   " }), "display_name");
        await RpcAssert.InvalidFields(async () => await clients.RotateMachineClientSecretAsync(new() { ClientId = "" }), "client_id");
        Assert.Empty((await clients.ListMachineClientsAsync(new())).MachineClients);

        // The same request_id for another request is refused too, and registers nothing more.
        var requestId = $"test-{Guid.NewGuid():N}";
        await clients.RegisterMachineClientAsync(new() { RequestId = requestId, DisplayName = "ECD een" });
        await RpcAssert.InvalidFields(async () => await clients.RegisterMachineClientAsync(new() { RequestId = requestId, DisplayName = "ECD twee" }), "request_id");
        Assert.Single((await clients.ListMachineClientsAsync(new())).MachineClients);
    }

    [Fact]
    public async Task Every_change_writes_one_audit_entry_naming_who_which_organisation_and_what_but_never_a_secret()
    {
        hosts.RequireAvailable();
        var (organisation, email, administrator) = await NewOrganisationWithAdministrator();
        var clients = MachineClients(administrator);
        var requestId = $"test-{Guid.NewGuid():N}";
        var registered = await clients.RegisterMachineClientAsync(new() { RequestId = requestId, DisplayName = "ECD Audit" });
        await clients.RegisterMachineClientAsync(new() { RequestId = requestId, DisplayName = "ECD Audit" });
        await clients.ListMachineClientsAsync(new());
        var clientId = registered.MachineClient.ClientId;
        var rotated = await clients.RotateMachineClientSecretAsync(new() { ClientId = clientId });
        await clients.RevokeMachineClientAsync(new() { ClientId = clientId });

        var entries = await AdminAudit(e => e.Resource.Contains(clientId, StringComparison.Ordinal));
        Assert.Equal(3, entries.Count);
        var person = Assert.Single((await (await _scenario.As(email)).ListPeopleAsync(new())).People);
        Assert.All(entries, e =>
        {
            Assert.Equal(Guid.Parse(organisation.Id), e.ActorTenantId);
            Assert.Equal(person.Id, e.ActorSubject);
            Assert.Equal(GonRoles.Hoofdaanbieder, e.ActorRole);
            Assert.Contains($"organisation {organisation.Id}", e.Resource, StringComparison.Ordinal);
            Assert.DoesNotContain(registered.ClientSecret, e.Resource, StringComparison.Ordinal);
            Assert.DoesNotContain(rotated.ClientSecret, e.Resource, StringComparison.Ordinal);
        });
        Assert.Single(entries, e => e.Method.EndsWith("/RegisterMachineClient", StringComparison.Ordinal) && e.Resource.StartsWith($"MachineClient {clientId} registered", StringComparison.Ordinal));
        Assert.Single(entries, e => e.Method.EndsWith("/RotateMachineClientSecret", StringComparison.Ordinal) && e.Resource.StartsWith($"MachineClient {clientId} rotated", StringComparison.Ordinal));
        Assert.Single(entries, e => e.Method.EndsWith("/RevokeMachineClient", StringComparison.Ordinal) && e.Resource.StartsWith($"MachineClient {clientId} revoked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Renaming_an_organisation_renames_its_provider_and_the_tenant_name_in_its_clients_tokens()
    {
        hosts.RequireAvailable();
        var (organisation, _, administrator) = await NewOrganisationWithAdministrator();
        var registered = await MachineClients(administrator).RegisterMachineClientAsync(new() { RequestId = $"test-{Guid.NewGuid():N}", DisplayName = "ECD Naam" });
        Assert.Equal(organisation.Name, TenantName(await ClientToken(registered.MachineClient.ClientId, registered.ClientSecret)));

        var newName = organisation.Name + " Noord";
        var gemeente = await _scenario.As(OnboardingScenario.GemeenteAdministrator);
        await gemeente.UpdateOrganisationAsync(new() { OrganisationId = organisation.Id, Name = newName, KvkNumber = organisation.KvkNumber, AgbCode = "12345678" });

        var providers = new ProviderService.ProviderServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var provider = (await providers.GetProviderAsync(new() { ProviderId = organisation.Id })).Provider;
        Assert.Equal((newName, "12345678"), (provider.Name, provider.AgbCode));
        Assert.Contains((await providers.ListProvidersAsync(new() { PageSize = 500 })).Providers, p => p.Id == organisation.Id && p.Name == newName);

        var token = await ClientToken(registered.MachineClient.ClientId, registered.ClientSecret);
        Assert.Equal(newName, TenantName(token));
        Assert.Equal(newName, (await new ProviderService.ProviderServiceClient(PersonSignIn.Invoker(hosts, token)).GetCurrentOrganisationAsync(new())).OrganisationName);

        // A bad update changes neither the registry nor the provider.
        await RpcAssert.InvalidFields(async () => await gemeente.UpdateOrganisationAsync(new() { OrganisationId = organisation.Id, Name = "X", KvkNumber = organisation.KvkNumber }), "name");
        Assert.Equal(newName, (await providers.GetProviderAsync(new() { ProviderId = organisation.Id })).Provider.Name);
    }

    /// <summary>Onboarded through the API by the gemeente administrator; the administrator activated from the e-mail and signed in.</summary>
    private async Task<(Organisation Organisation, string Email, string AccessToken)> NewOrganisationWithAdministrator()
    {
        var organisation = await _scenario.NewOrganisation(OrganisationKind.Hoofdaanbieder, $"Zorggroep Machine {Guid.NewGuid():N}"[..30]);
        var email = OnboardingScenario.FreshEmail("ecd-beheer");
        await _scenario.InviteActive(OnboardingScenario.GemeenteAdministrator, organisation.Id, email, administrator: true);
        var tokens = await PersonSignIn.SignInAsync(hosts, email, OnboardingScenario.NewPassword);
        return (organisation, email, tokens.AccessToken);
    }

    private MachineClientService.MachineClientServiceClient MachineClients(string accessToken) => new(PersonSignIn.Invoker(hosts, accessToken));

    /// <summary>A real client-credentials token for scope gon.api; fails the test when refused.</summary>
    private async Task<string> ClientToken(string clientId, string secret)
    {
        var (status, body) = await RequestClientToken(clientId, secret);
        Assert.True(status == HttpStatusCode.OK, $"{clientId} got no token: {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    private async Task<string?> ClientTokenError(string clientId, string secret)
    {
        var (status, body) = await RequestClientToken(clientId, secret);
        Assert.NotEqual(HttpStatusCode.OK, status);
        return body.GetProperty("error").GetString();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> RequestClientToken(string clientId, string secret)
    {
        using var http = new HttpClient { BaseAddress = hosts.IdentityUrl };
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = GonScopes.Api,
        }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>The gon_tenant_name claim of a JWT access token (not encrypted, so its payload is readable).</summary>
    private static string? TenantName(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - payload.Length % 4) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement.GetProperty(GonClaimTypes.TenantName).GetString();
    }

    private async Task<List<Server.Audit.AuditEntry>> AdminAudit(Func<Server.Audit.AuditEntry, bool> match)
    {
        await using var scope = hosts.ServerServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        return (await db.AuditEntries.AsNoTracking().Where(e => e.Access == "admin").ToListAsync()).Where(match).ToList();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMachineClientFlowTests(SqliteHosts hosts) : MachineClientFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMachineClientFlowTests(PostgresHosts hosts) : MachineClientFlowTests(hosts);
