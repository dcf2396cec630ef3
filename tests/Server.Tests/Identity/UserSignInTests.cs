using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace GonPortal.Server.Tests.Identity;

/// <summary>
/// A person signs in through the real login page (authorization code + PKCE, as the portal does)
/// and the Server accepts the resulting token with the person's tenant and role.
/// </summary>
public abstract partial class UserSignInTests(GonHosts hosts)
{
    private const string RedirectUri = "http://localhost:5300/signin-oidc";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed record Tokens(string AccessToken, string RefreshToken, string IdToken);

    private async Task<(HttpResponseMessage LoginResponse, HttpClient Browser, string Verifier, string LoginUrl)> SubmitLogin(string email, string password)
    {
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = hosts.IdentityUrl };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"connect/authorize?client_id={GonScopes.PortalClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
            $"&scope={Uri.EscapeDataString("openid profile roles offline_access gon.api")}&code_challenge={challenge}&code_challenge_method=S256&state=s1&nonce=n1";
        using var toLogin = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var loginUrl = toLogin.Headers.Location!.ToString();
        var page = await browser.GetStringAsync(loginUrl);
        Assert.Contains("lang=\"nl\"", page);
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;
        var returnUrl = Uri.UnescapeDataString(new Uri(new Uri(hosts.IdentityUrl, loginUrl).ToString()).Query.Split("ReturnUrl=")[1]);
        var response = await browser.PostAsync(loginUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["ReturnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = antiforgery,
        }));
        return (response, browser, verifier, loginUrl);
    }

    private async Task<Tokens> SignIn(string email)
    {
        var (login, browser, verifier, _) = await SubmitLogin(email, DemoData.Password);
        using (browser)
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            using var signedIn = LoginForm.IsCodeStep(login)
                ? await LoginForm.SubmitCodeAsync(browser, new Uri(hosts.IdentityUrl, login.Headers.Location!), Totp.Code(DemoData.AuthenticatorKey))
                : login;
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            using var callback = await browser.GetAsync(signedIn.Headers.Location);
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
            var location = callback.Headers.Location!.ToString();
            Assert.StartsWith(RedirectUri, location);
            var code = Uri.UnescapeDataString(Regex.Match(location, "[?&]code=([^&]+)").Groups[1].Value);
            using var token = await browser.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = GonScopes.PortalClientId,
                ["client_secret"] = "gon-portal-dev-secret",
                ["code"] = code,
                ["redirect_uri"] = RedirectUri,
                ["code_verifier"] = verifier,
            }));
            var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
            Assert.True(token.IsSuccessStatusCode, json.ToString());
            return new Tokens(json.GetProperty("access_token").GetString()!, json.GetProperty("refresh_token").GetString()!, json.GetProperty("id_token").GetString()!);
        }
    }

    private ProviderService.ProviderServiceClient ServerAs(string accessToken)
    {
        var channel = GrpcChannel.ForAddress(hosts.ServerUrl);
        return new ProviderService.ProviderServiceClient(channel.CreateCallInvoker().Intercept(m => { m.Add("Authorization", $"Bearer {accessToken}"); return m; }));
    }

    [Fact]
    public async Task A_signed_in_person_calls_the_server_as_their_organisation()
    {
        hosts.RequireAvailable();
        var tokens = await SignIn("planner@delinde.demo");
        var me = await ServerAs(tokens.AccessToken).GetCurrentOrganisationAsync(new());
        Assert.Equal(DemoData.DeLinde.Id.ToString(), me.OrganisationId);
        Assert.Equal(Role.Onderaannemer, me.Role);
        Assert.NotEqual("", me.Subject);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_with_the_same_tenant()
    {
        hosts.RequireAvailable();
        var tokens = await SignIn("coordinator@oostzorg.demo");
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
        var refreshed = json.GetProperty("access_token").GetString()!;
        Assert.NotEqual(tokens.AccessToken, refreshed);
        var me = await ServerAs(refreshed).GetCurrentOrganisationAsync(new());
        Assert.Equal(DemoData.OostZorg.Id.ToString(), me.OrganisationId);
        // The same areas as the first token's; other tests on these hosts may give Oost contracts in far years and areas.
        var before = await ServerAs(tokens.AccessToken).GetCurrentOrganisationAsync(new());
        Assert.Contains(3, me.AreaIds);
        Assert.Equal(before.AreaIds, me.AreaIds);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_dutch_message_and_issues_nothing()
    {
        hosts.RequireAvailable();
        var (response, browser, _, _) = await SubmitLogin("coordinator@zuidzorg.demo", "fout-wachtwoord");
        using (browser)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Onbekende combinatie van e-mailadres en wachtwoord.", await response.Content.ReadAsStringAsync());
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteUserSignInTests(SqliteHosts hosts) : UserSignInTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresUserSignInTests(PostgresHosts hosts) : UserSignInTests(hosts);
