using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GonPortal.HostContracts;
using GonPortal.Identity.Administrators;
using GonPortal.Identity.Data;
using GonPortal.Server.Tests.Dashboard;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Identity;

/// <summary>
/// The gon_admin claim: issued (access token, and identity token with the roles scope) to the people flagged as
/// administrators of their organisation, whatever its kind (changed with onboarding: before it, only gemeente users
/// could be administrators). Identity refuses the flag for a user without a valid role and ignores one that got
/// there anyway. What the claim opens is up to the reader: the jobs dashboard still requires role gemeente too.
/// </summary>
public abstract class AdministratorClaimTests(GonHosts hosts)
{
    private const string PortalRedirectUri = "http://localhost:5300/signin-oidc";

    private sealed record Tokens(JsonElement Access, JsonElement Id, string RefreshToken);

    [Theory]
    [InlineData("beheer@gemeente.demo", true)]
    [InlineData("beleid@gemeente.demo", false)]
    [InlineData("coordinator@stadsezorg.demo", true)]
    [InlineData("planner@delinde.demo", true)]
    [InlineData("consulent@wij.demo", true)]
    public async Task Administrators_of_every_organisation_get_the_claim_and_others_do_not(string email, bool administrator)
    {
        hosts.RequireAvailable();
        var tokens = await SignInAtPortalClient(email);

        Assert.Equal(administrator, tokens.Access.TryGetProperty(GonClaimTypes.Administrator, out var inAccess));
        Assert.Equal(administrator, tokens.Id.TryGetProperty(GonClaimTypes.Administrator, out var inId));
        if (administrator)
        {
            Assert.Equal(GonClaimTypes.AdministratorValue, inAccess.GetString());
            Assert.Equal(GonClaimTypes.AdministratorValue, inId.GetString());
        }
    }

    [Fact]
    public async Task A_person_of_a_provider_who_is_not_flagged_gets_no_claim()
    {
        hosts.RequireAvailable();
        var email = await CreateUser(DemoData.StadseZorg, _ => Task.FromResult(IdentityResult.Success));

        var tokens = await SignInAtPortalClient(email);

        Assert.Equal(GonRoles.Hoofdaanbieder, tokens.Access.GetProperty(GonClaimTypes.Role).GetString());
        Assert.False(tokens.Access.TryGetProperty(GonClaimTypes.Administrator, out _));
        Assert.False(tokens.Id.TryGetProperty(GonClaimTypes.Administrator, out _));
    }

    [Fact]
    public async Task Identity_grants_the_flag_to_a_provider_user_and_refuses_a_user_without_a_role()
    {
        hosts.RequireAvailable();
        var providerUser = await CreateUser(DemoData.Atelier, user => user.Grant());
        var tokens = await SignInAtPortalClient(providerUser);
        Assert.Equal(GonClaimTypes.AdministratorValue, tokens.Access.GetProperty(GonClaimTypes.Administrator).GetString());

        await using var scope = hosts.IdentityServices.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GonUser>>();
        var roleless = new GonUser { Role = "beheerder", Email = "geen-rol@test.test" };
        var result = await users.GrantAdministratorAsync(roleless);
        Assert.False(result.Succeeded);
        Assert.Equal(AdministratorFlag.NoRoleErrorCode, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task A_revoked_flag_is_gone_from_the_next_refreshed_token()
    {
        hosts.RequireAvailable();
        var email = await CreateUser(DemoData.Gemeente, user => user.Grant());
        var tokens = await SignInAtPortalClient(email);
        Assert.True(tokens.Access.TryGetProperty(GonClaimTypes.Administrator, out _));

        await WithUser(email, user => user.Revoke());
        using var http = new HttpClient { BaseAddress = hosts.IdentityUrl };
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = GonScopes.PortalClientId,
            ["client_secret"] = "gon-portal-dev-secret",
            ["refresh_token"] = tokens.RefreshToken,
        }));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        Assert.False(Payload(json.GetProperty("access_token").GetString()!).TryGetProperty(GonClaimTypes.Administrator, out _));
    }

    /// <summary>The portal's code + PKCE flow, through the real login page; the code is redeemed here.</summary>
    private async Task<Tokens> SignInAtPortalClient(string email)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = new Uri(hosts.IdentityUrl,
            $"connect/authorize?client_id={GonScopes.PortalClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(PortalRedirectUri)}" +
            $"&scope={Uri.EscapeDataString("openid profile roles offline_access gon.api")}&code_challenge={challenge}&code_challenge_method=S256&state=s1&nonce=n1");

        using var browser = new Browser(hosts);
        using var callback = await browser.NavigateAsync(authorize, signInAs: email, stopAt: PortalRedirectUri);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var code = Uri.UnescapeDataString(callback.Headers.Location!.Query.Split("code=")[1].Split('&')[0]);

        using var token = await browser.Http.PostAsync(new Uri(hosts.IdentityUrl, "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = GonScopes.PortalClientId,
            ["client_secret"] = "gon-portal-dev-secret",
            ["code"] = code,
            ["redirect_uri"] = PortalRedirectUri,
            ["code_verifier"] = verifier,
        }));
        var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        Assert.True(token.IsSuccessStatusCode, json.ToString());
        return new Tokens(
            Payload(json.GetProperty("access_token").GetString()!),
            Payload(json.GetProperty("id_token").GetString()!),
            json.GetProperty("refresh_token").GetString()!);
    }

    /// <summary>A fresh user of <paramref name="organisation"/> (password <see cref="DemoData.Password"/>), so tests never change the demo users.</summary>
    private async Task<string> CreateUser(DemoOrganisation organisation, Func<UserAction, Task<IdentityResult>> then)
    {
        var email = $"test-{Guid.NewGuid():N}@{organisation.Kind.ToString().ToLowerInvariant()}.test";
        await using var scope = hosts.IdentityServices.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GonUser>>();
        var user = new GonUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Test Gebruiker",
            OrganisationId = organisation.Id,
            OrganisationName = organisation.Name,
            Role = organisation.Role,
        };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await then(new UserAction(users, user))).Succeeded);
        if (organisation.Kind == OrganisationKind.Gemeente)
        {
            // Two-factor is required for the gemeente: enrolled like the demo users, so the sign-in helper has the key.
            var keys = (IUserAuthenticatorKeyStore<GonUser>)scope.ServiceProvider.GetRequiredService<IUserStore<GonUser>>();
            await keys.SetAuthenticatorKeyAsync(user, DemoData.AuthenticatorKey, CancellationToken.None);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        }

        return email;
    }

    private async Task WithUser(string email, Func<UserAction, Task<IdentityResult>> action)
    {
        await using var scope = hosts.IdentityServices.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GonUser>>();
        Assert.True((await action(new UserAction(users, (await users.FindByEmailAsync(email))!))).Succeeded);
    }

    private sealed record UserAction(UserManager<GonUser> Users, GonUser User)
    {
        public Task<IdentityResult> Grant() => Users.GrantAdministratorAsync(User);

        public Task<IdentityResult> Revoke() => Users.RevokeAdministratorAsync(User);

        /// <summary>Writes a claim directly, around <see cref="AdministratorFlag"/>'s rule.</summary>
        public Task<IdentityResult> AddClaimAsync(System.Security.Claims.Claim claim) => Users.AddClaimAsync(User, claim);
    }

    private static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Convert.FromBase64String(part)).RootElement.Clone();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAdministratorClaimTests(SqliteHosts hosts) : AdministratorClaimTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAdministratorClaimTests(PostgresHosts hosts) : AdministratorClaimTests(hosts);
