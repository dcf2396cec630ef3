using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using GonPortal.Identity.Onboarding;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Server.Tests.Identity;

/// <summary>
/// Machine clients registered, rotated and revoked through <see cref="MachineClientAdministration"/> in the
/// real Identity, then used at the real token endpoint and against the real Server.
/// </summary>
public abstract class MachineClientAdministrationTests(GonHosts hosts)
{
    [Fact]
    public async Task A_registered_client_gets_a_token_of_its_organisation_and_the_server_sees_that_organisation()
    {
        hosts.RequireAvailable();
        var registered = await RegisterAsync(DemoData.StadseZorg, "ECD koppeling test");

        Assert.StartsWith("ecd-stadse-zorgcombinatie-", registered.ClientId);
        Assert.Matches("^ecd-stadse-zorgcombinatie-[a-z0-9]{6}$", registered.ClientId);
        Assert.True(Base64Url(registered.ClientSecret).Length >= 32, "The secret carries at least 32 random bytes.");

        var token = await TokenEndpoint.AccessTokenAsync(hosts.IdentityUrl, registered.ClientId, registered.ClientSecret);
        var claims = TokenEndpoint.Payload(token);
        Assert.Equal(DemoData.StadseZorg.Id.ToString(), claims.GetProperty(GonClaimTypes.TenantId).GetString());
        Assert.Equal(GonRoles.Hoofdaanbieder, claims.GetProperty(GonClaimTypes.Role).GetString());
        Assert.Equal(registered.ClientId, claims.GetProperty(GonClaimTypes.Subject).GetString());

        var providers = new ProviderService.ProviderServiceClient(await InvokerWithAsync(token));
        var me = await providers.GetCurrentOrganisationAsync(new());
        Assert.Equal(DemoData.StadseZorg.Id.ToString(), me.OrganisationId);
        Assert.Equal(registered.ClientId, me.Subject);
        Assert.Equal(Role.Hoofdaanbieder, me.Role);
    }

    [Fact]
    public async Task A_client_of_a_new_hoofdaanbieder_sees_no_clients_of_another_organisation()
    {
        hosts.RequireAvailable();
        var organisation = new MachineClientOrganisation(Guid.NewGuid(), "Zorg Één Nieuw", GonRoles.Hoofdaanbieder);
        // Only an organisation in the registry (and active) gets tokens for its clients.
        await using (var scope = hosts.IdentityServices.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrganisationRegistry>().CreateAsync(organisation.Id, GonPortal.HostContracts.OrganisationKind.Hoofdaanbieder,
                new(organisation.Name, AccessMatrix.Scenario.FreshKvk(), null, false), CancellationToken.None);
        }
        var registered = await RegisterAsync(organisation, "ECD nieuw");
        Assert.Matches("^ecd-zorg-een-nieuw-[a-z0-9]{6}$", registered.ClientId);

        var token = await TokenEndpoint.AccessTokenAsync(hosts.IdentityUrl, registered.ClientId, registered.ClientSecret);
        var clients = new ClientService.ClientServiceClient(await InvokerWithAsync(token));
        Assert.Empty((await clients.ListClientsAsync(new() { PageSize = 500 })).Clients);

        // The same call by a demo hoofdaanbieder does return clients, so the empty list above is isolation.
        var stadse = new ClientService.ClientServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        Assert.NotEmpty((await stadse.ListClientsAsync(new() { PageSize = 10 })).Clients);
    }

    [Fact]
    public async Task After_a_rotation_both_secrets_work_and_the_list_shows_until_when()
    {
        hosts.RequireAvailable();
        var registered = await RegisterAsync(DemoData.Atelier, "Planning");
        var before = DateTimeOffset.UtcNow;

        var rotated = await WithAdministration(a => a.RotateSecretAsync(DemoData.Atelier.Id, registered.ClientId));

        Assert.True(rotated.Succeeded);
        Assert.NotEqual(registered.ClientSecret, rotated.Value!.ClientSecret);
        Assert.InRange(rotated.Value.PreviousSecretValidUntil, before.AddHours(24).AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(24).AddMinutes(1));
        await TokenEndpoint.AccessTokenAsync(hosts.IdentityUrl, registered.ClientId, registered.ClientSecret);
        await TokenEndpoint.AccessTokenAsync(hosts.IdentityUrl, registered.ClientId, rotated.Value.ClientSecret);
        Assert.Equal(Errors.InvalidClient, await TokenEndpoint.ErrorAsync(hosts.IdentityUrl, registered.ClientId, "not-the-secret"));

        var listed = Assert.Single(await WithAdministration(a => a.ListAsync(DemoData.Atelier.Id)), c => c.ClientId == registered.ClientId);
        Assert.Equal("Planning", listed.DisplayName);
        Assert.Equal(MachineClientStatus.Active, listed.Status);
        Assert.NotNull(listed.CreatedAt);
        Assert.InRange(listed.SecretRotatedAt!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(rotated.Value.PreviousSecretValidUntil, listed.PreviousSecretValidUntil!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_revoked_client_gets_no_token_and_its_stored_tokens_are_revoked()
    {
        hosts.RequireAvailable();
        var registered = await RegisterAsync(DemoData.Noorderlicht, "Te intrekken");
        await TokenEndpoint.AccessTokenAsync(hosts.IdentityUrl, registered.ClientId, registered.ClientSecret);
        Assert.Contains(await StoredTokenStatusesAsync(registered.ClientId), s => s == Statuses.Valid);

        var revoked = await WithAdministration(a => a.RevokeAsync(DemoData.Noorderlicht.Id, registered.ClientId));

        Assert.True(revoked.Succeeded);
        Assert.Equal(MachineClientStatus.Revoked, revoked.Value!.Status);
        Assert.Equal(Errors.InvalidClient, await TokenEndpoint.ErrorAsync(hosts.IdentityUrl, registered.ClientId, registered.ClientSecret));
        Assert.All(await StoredTokenStatusesAsync(registered.ClientId), s => Assert.Equal(Statuses.Revoked, s));
        var rotation = await WithAdministration(a => a.RotateSecretAsync(DemoData.Noorderlicht.Id, registered.ClientId));
        Assert.Equal(MachineClientError.Revoked, rotation.Error);
        var listed = Assert.Single(await WithAdministration(a => a.ListAsync(DemoData.Noorderlicht.Id)), c => c.ClientId == registered.ClientId);
        Assert.Equal(MachineClientStatus.Revoked, listed.Status);
        Assert.NotNull(listed.RevokedAt);
    }

    [Fact]
    public async Task A_client_of_another_organisation_is_not_found_and_keeps_working()
    {
        hosts.RequireAvailable();
        var ofOost = await RegisterAsync(DemoData.OostZorg, "ECD Oost");

        var rotation = await WithAdministration(a => a.RotateSecretAsync(DemoData.ZuidZorg.Id, ofOost.ClientId));
        var revocation = await WithAdministration(a => a.RevokeAsync(DemoData.ZuidZorg.Id, ofOost.ClientId));
        var portal = await WithAdministration(a => a.RevokeAsync(DemoData.ZuidZorg.Id, GonScopes.PortalClientId));

        Assert.Equal(MachineClientError.NotFound, rotation.Error);
        Assert.Equal(MachineClientError.NotFound, revocation.Error);
        Assert.Equal(MachineClientError.NotFound, portal.Error);
        Assert.DoesNotContain(await WithAdministration(a => a.ListAsync(DemoData.ZuidZorg.Id)), c => c.ClientId == ofOost.ClientId);
        await TokenEndpoint.AccessTokenAsync(hosts.IdentityUrl, ofOost.ClientId, ofOost.ClientSecret);
    }

    [Fact]
    public async Task Bad_input_is_refused_per_field_and_stores_nothing()
    {
        hosts.RequireAvailable();
        var organisationId = Guid.NewGuid();

        var result = await WithAdministration(a => a.RegisterAsync(new MachineClientOrganisation(organisationId, "Zorg X", "directeur"), "  "));

        Assert.Equal(MachineClientError.Invalid, result.Error);
        Assert.Equal(["display_name", "role"], result.Violations.Select(v => v.Field).Order());
        Assert.Empty(await WithAdministration(a => a.ListAsync(organisationId)));
    }

    [Fact]
    public async Task Demo_clients_are_registered_through_the_administration_with_their_documented_ids()
    {
        hosts.RequireAvailable();
        var demo = DemoData.MachineClients.Single(c => c.OrganisationId == DemoData.DeLinde.Id);

        var listed = Assert.Single(await WithAdministration(a => a.ListAsync(DemoData.DeLinde.Id)), c => c.ClientId == demo.ClientId);

        Assert.Equal(demo.DisplayName, listed.DisplayName);
        Assert.NotNull(listed.CreatedAt);
        Assert.Equal(MachineClientStatus.Active, listed.Status);
        await TokenEndpoint.AccessTokenAsync(hosts.IdentityUrl, demo.ClientId, demo.ClientSecret);
    }

    [Fact]
    public async Task The_access_token_lives_the_configured_ten_minutes()
    {
        hosts.RequireAvailable();
        var demo = DemoData.MachineClients[0];

        var token = await TokenEndpoint.AccessTokenAsync(hosts.IdentityUrl, demo.ClientId, demo.ClientSecret);

        Assert.Equal(600, TokenEndpoint.LifetimeSeconds(token));
    }

    private async Task<RegisteredMachineClient> RegisterAsync(DemoOrganisation organisation, string displayName) =>
        await RegisterAsync(new MachineClientOrganisation(organisation.Id, organisation.Name, organisation.Role), displayName);

    private async Task<RegisteredMachineClient> RegisterAsync(MachineClientOrganisation organisation, string displayName)
    {
        var result = await WithAdministration(a => a.RegisterAsync(organisation, displayName));
        Assert.True(result.Succeeded, string.Join("; ", result.Violations.Select(v => v.Description)));
        return result.Value!;
    }

    private async Task<T> WithAdministration<T>(Func<MachineClientAdministration, Task<T>> action)
    {
        await using var scope = hosts.IdentityServices.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MachineClientAdministration>());
    }

    private async Task<List<string?>> StoredTokenStatusesAsync(string clientId)
    {
        await using var scope = hosts.IdentityServices.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var application = await applications.FindByClientIdAsync(clientId) ?? throw new InvalidOperationException(clientId);
        var statuses = new List<string?>();
        await foreach (var token in tokens.FindByApplicationIdAsync((await applications.GetIdAsync(application))!))
        {
            statuses.Add(await tokens.GetStatusAsync(token));
        }

        return statuses;
    }

    private async Task<global::Grpc.Core.CallInvoker> InvokerWithAsync(string token) =>
        (await hosts.InvokerFor(Callers.Anonymous)).Intercept(m =>
        {
            m.Add("Authorization", $"Bearer {token}");
            return m;
        });

    private static byte[] Base64Url(string value) => System.Buffers.Text.Base64Url.DecodeFromChars(value);
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMachineClientAdministrationTests(SqliteHosts hosts) : MachineClientAdministrationTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMachineClientAdministrationTests(PostgresHosts hosts) : MachineClientAdministrationTests(hosts);
