using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GonPortal.HostContracts;
using GonPortal.Identity.Data;
using GonPortal.Identity.Pages.Account;
using GonPortal.Identity.TwoFactor;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Identity;

/// <summary>
/// Two-factor sign-in through the real login pages over HTTP (cookies, antiforgery, the portal's code + PKCE flow):
/// required for the gemeente and administrators, who enrol before their first sign-in completes; optional for others.
/// </summary>
public abstract partial class TwoFactorSignInTests(GonHosts hosts)
{
    private const string RedirectUri = "http://localhost:5300/signin-oidc";
    private const string EnrolPath = "/Account/EnrolAuthenticator";

    [GeneratedRegex("data-testid=\"sleutel\">([A-Z2-7 ]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("class=\"button-link\" href=\"([^\"]+)\"")]
    private static partial Regex ContinueLink();

    [Fact]
    public async Task A_gemeente_user_enrols_before_the_first_sign_in_completes_and_then_needs_a_code()
    {
        hosts.RequireAvailable();
        var email = await CreateUser(DemoData.Gemeente);
        using var flow = new Flow(hosts);

        // The password is right, but the sign-in waits for enrolment.
        using var password = await flow.PasswordAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var enrolUrl = new Uri(hosts.IdentityUrl, password.Headers.Location!);
        Assert.Equal(EnrolPath, enrolUrl.AbsolutePath);

        // Without a confirmed code there is no session: authorize sends the person back to the password.
        using (var early = await flow.Browser.GetAsync(flow.AuthorizeUrl))
        {
            Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
            Assert.Equal("/Account/Login", new Uri(hosts.IdentityUrl, early.Headers.Location!).AbsolutePath);
        }

        // Nor can a code page finish it: only confirming the enrolment can.
        using (var codePage = await flow.Browser.GetAsync("Account/LoginCode?ReturnUrl=%2F"))
        {
            Assert.Equal(HttpStatusCode.Redirect, codePage.StatusCode);
            Assert.Equal(EnrolPath, new Uri(hosts.IdentityUrl, codePage.Headers.Location!).AbsolutePath);
        }

        var enrolPage = await flow.Browser.GetStringAsync(enrolUrl);
        Assert.Contains("img class=\"qr\" src=\"data:image/png;base64,", enrolPage);
        var key = SharedKey().Match(enrolPage).Groups[1].Value;
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);

        // A wrong code: a Dutch message and nothing enabled.
        using (var wrong = await LoginForm.SubmitCodeAsync(flow.Browser, enrolUrl, WrongCode(key)))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(EnrolAuthenticatorModel.WrongCode, WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        }

        Assert.False((await FindUser(email)).TwoFactorEnabled);

        // The right code: enabled, ten recovery codes shown once, and the sign-in continues where it was going.
        using var confirmed = await LoginForm.SubmitCodeAsync(flow.Browser, enrolUrl, Totp.Code(key));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var confirmedPage = await confirmed.Content.ReadAsStringAsync();
        var recoveryCodes = RecoveryCode().Matches(confirmedPage).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        Assert.True((await FindUser(email)).TwoFactorEnabled);

        var continueUrl = WebUtility.HtmlDecode(ContinueLink().Match(confirmedPage).Groups[1].Value);
        Assert.StartsWith("/connect/authorize", continueUrl, StringComparison.Ordinal);
        var tokens = await flow.FinishAsync(new Uri(hosts.IdentityUrl, continueUrl));
        Assert.Equal(GonRoles.Gemeente, tokens.GetProperty(GonClaimTypes.Role).GetString());
        Assert.Equal(DemoData.Gemeente.Id.ToString(), tokens.GetProperty(GonClaimTypes.TenantId).GetString());

        // The next sign-in asks for the code; a wrong one is refused, the right one completes it.
        using var next = new Flow(hosts);
        using var nextPassword = await next.PasswordAsync(email);
        Assert.True(LoginForm.IsCodeStep(nextPassword));
        var codeUrl = new Uri(hosts.IdentityUrl, nextPassword.Headers.Location!);

        // Enrolled: the password alone never reaches the enrolment page, so it cannot replace the key.
        using (var enrolAgain = await next.Browser.GetAsync(EnrolPath.TrimStart('/')))
        {
            Assert.Equal(HttpStatusCode.Redirect, enrolAgain.StatusCode);
            Assert.Equal(LoginForm.CodePagePath, new Uri(hosts.IdentityUrl, enrolAgain.Headers.Location!).AbsolutePath);
        }

        using (var wrong = await LoginForm.SubmitCodeAsync(next.Browser, codeUrl, WrongCode(key)))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(LoginCodeModel.WrongCode, WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        }

        using var right = await LoginForm.SubmitCodeAsync(next.Browser, codeUrl, Totp.Code(key));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var again = await next.FinishAsync(new Uri(hosts.IdentityUrl, right.Headers.Location!));
        Assert.Equal(GonRoles.Gemeente, again.GetProperty(GonClaimTypes.Role).GetString());

        // A recovery code works once, and not a second time.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCode(email, recoveryCodes[3])).StatusCode);
        var reused = await SignInWithCode(email, recoveryCodes[3]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains(LoginCodeModel.WrongCode, WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_hoofdaanbieder_user_signs_in_without_a_code_and_may_enrol_voluntarily()
    {
        hosts.RequireAvailable();
        var email = await CreateUser(DemoData.StadseZorg);
        using var flow = new Flow(hosts);
        using var password = await flow.PasswordAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/connect/authorize", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var tokens = await flow.FinishAsync(new Uri(hosts.IdentityUrl, password.Headers.Location!));
        Assert.Equal(GonRoles.Hoofdaanbieder, tokens.GetProperty(GonClaimTypes.Role).GetString());

        // Signed in: the management page offers the app, the enrolment page shows a key.
        var manage = await flow.Browser.GetStringAsync("Account/TwoFactor");
        Assert.Contains("Tweestapsverificatie staat uit.", manage);
        var enrolUrl = new Uri(hosts.IdentityUrl, EnrolPath);
        var key = SharedKey().Match(await flow.Browser.GetStringAsync(enrolUrl)).Groups[1].Value;
        using var confirmed = await LoginForm.SubmitCodeAsync(flow.Browser, enrolUrl, Totp.Code(key));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(10, RecoveryCode().Matches(await confirmed.Content.ReadAsStringAsync()).Count);

        // The session survives the changed security stamp, and the page counts the codes and offers to turn it off.
        manage = await flow.Browser.GetStringAsync("Account/TwoFactor");
        Assert.Contains("U hebt nog 10 herstelcodes.", manage);
        Assert.Contains("Tweestapsverificatie uitzetten", manage);

        using var next = new Flow(hosts);
        using var nextPassword = await next.PasswordAsync(email);
        Assert.True(LoginForm.IsCodeStep(nextPassword));
        using var code = await LoginForm.SubmitCodeAsync(next.Browser, new Uri(hosts.IdentityUrl, nextPassword.Headers.Location!), Totp.Code(key));
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        await next.FinishAsync(new Uri(hosts.IdentityUrl, code.Headers.Location!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Wrong_codes_lock_the_account_like_wrong_passwords(bool useRecoveryCodes)
    {
        hosts.RequireAvailable();
        var email = await CreateUser(DemoData.OostZorg);
        await using (var scope = hosts.IdentityServices.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<GonUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var keys = (IUserAuthenticatorKeyStore<GonUser>)scope.ServiceProvider.GetRequiredService<IUserStore<GonUser>>();
            await keys.SetAuthenticatorKeyAsync(user, DemoData.AuthenticatorKey, CancellationToken.None);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        }

        using var flow = new Flow(hosts);
        using var password = await flow.PasswordAsync(email);
        Assert.True(LoginForm.IsCodeStep(password));
        var codeUrl = new Uri(hosts.IdentityUrl, password.Headers.Location!);
        var wrong = useRecoveryCodes ? "AAAAA-BBBBB" : WrongCode(DemoData.AuthenticatorKey);
        for (var attempt = 1; attempt < global::GonPortal.Identity.Extensions.IdentityDataExtensions.MaxFailedAccessAttempts; attempt++)
        {
            using var refused = await LoginForm.SubmitCodeAsync(flow.Browser, codeUrl, wrong);
            Assert.Contains(LoginCodeModel.WrongCode, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        }

        using (var last = await LoginForm.SubmitCodeAsync(flow.Browser, codeUrl, wrong))
        {
            Assert.Contains(LoginModel.LockedOut, WebUtility.HtmlDecode(await last.Content.ReadAsStringAsync()));
        }

        // Locked: even the right code does not sign in now.
        using var right = await LoginForm.SubmitCodeAsync(flow.Browser, codeUrl, Totp.Code(DemoData.AuthenticatorKey));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(LoginModel.LockedOut, WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Whom_it_is_required_for_cannot_turn_it_off()
    {
        hosts.RequireAvailable();
        using var flow = new Flow(hosts);
        using var signedIn = await LoginForm.PostAsync(flow.Browser, "beleid@gemeente.demo", DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var manage = await flow.Browser.GetStringAsync("Account/TwoFactor");
        Assert.DoesNotContain("Tweestapsverificatie uitzetten", manage);

        // Even a forged POST of the hidden action changes nothing.
        using var turnOff = await flow.Browser.PostAsync("Account/TwoFactor?handler=TurnOff", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = LoginForm.Antiforgery(manage),
        }));
        Assert.Equal(HttpStatusCode.OK, turnOff.StatusCode);
        Assert.Contains("U kunt het niet uitzetten.", WebUtility.HtmlDecode(await turnOff.Content.ReadAsStringAsync()));
        Assert.True((await FindUser("beleid@gemeente.demo")).TwoFactorEnabled);
    }

    [Fact]
    public async Task The_demo_users_who_need_a_code_are_enrolled_with_the_published_key()
    {
        hosts.RequireAvailable();
        await using var scope = hosts.IdentityServices.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GonUser>>();
        var policy = scope.ServiceProvider.GetRequiredService<TwoFactorPolicy>();
        Assert.Contains(DemoData.Users, DemoData.NeedsAuthenticatorCode);
        Assert.Contains(DemoData.Users, u => !DemoData.NeedsAuthenticatorCode(u));
        foreach (var demoUser in DemoData.Users)
        {
            var user = (await users.FindByEmailAsync(demoUser.Email))!;
            var needsCode = DemoData.NeedsAuthenticatorCode(demoUser);
            Assert.Equal(needsCode, await policy.IsRequiredAsync(user));
            Assert.Equal(needsCode, user.TwoFactorEnabled);
            if (needsCode)
            {
                Assert.Equal(DemoData.AuthenticatorKey, await users.GetAuthenticatorKeyAsync(user));
            }
        }
    }

    private async Task<HttpResponseMessage> SignInWithCode(string email, string code)
    {
        using var flow = new Flow(hosts);
        using var password = await flow.PasswordAsync(email);
        Assert.True(LoginForm.IsCodeStep(password));
        return await LoginForm.SubmitCodeAsync(flow.Browser, new Uri(hosts.IdentityUrl, password.Headers.Location!), code);
    }

    /// <summary>A six-digit code that is none of the ones Identity accepts around now (it allows some clock drift).</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var accepted = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }

    /// <summary>A fresh user (password <see cref="DemoData.Password"/>, no two-factor), so tests never change the demo users.</summary>
    private async Task<string> CreateUser(DemoOrganisation organisation)
    {
        var email = $"test-{Guid.NewGuid():N}@{organisation.Kind.ToString().ToLowerInvariant()}.test";
        await using var scope = hosts.IdentityServices.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GonUser>>();
        Assert.True((await users.CreateAsync(new GonUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Test Gebruiker",
            OrganisationId = organisation.Id,
            OrganisationName = organisation.Name,
            Role = organisation.Role,
        }, DemoData.Password)).Succeeded);
        return email;
    }

    private async Task<GonUser> FindUser(string email)
    {
        await using var scope = hosts.IdentityServices.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<GonUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>One browser going through the portal's authorization code + PKCE flow.</summary>
    private sealed class Flow : IDisposable
    {
        private readonly GonHosts _hosts;
        private readonly string _verifier = Base64Url(RandomNumberGenerator.GetBytes(32));

        public Flow(GonHosts hosts)
        {
            _hosts = hosts;
            Browser = LoginForm.Browser(hosts.IdentityUrl);
            var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(_verifier)));
            AuthorizeUrl = $"connect/authorize?client_id={GonScopes.PortalClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
                $"&scope={Uri.EscapeDataString("openid profile roles offline_access gon.api")}&code_challenge={challenge}&code_challenge_method=S256&state=s1&nonce=n1";
        }

        public HttpClient Browser { get; }

        public string AuthorizeUrl { get; }

        /// <summary>Authorize (which sends to the login page), then the password form with the return URL it was given.</summary>
        public async Task<HttpResponseMessage> PasswordAsync(string email)
        {
            using var toLogin = await Browser.GetAsync(AuthorizeUrl);
            Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
            var loginUrl = new Uri(_hosts.IdentityUrl, toLogin.Headers.Location!);
            var page = await Browser.GetStringAsync(loginUrl);
            var returnUrl = Uri.UnescapeDataString(loginUrl.Query.Split("ReturnUrl=")[1]);
            return await Browser.PostAsync(loginUrl, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = DemoData.Password,
                ["ReturnUrl"] = returnUrl,
                ["__RequestVerificationToken"] = LoginForm.Antiforgery(page),
            }));
        }

        /// <summary>Back at authorize with a session: the code goes to the portal, which redeems it; returns the access token's claims.</summary>
        public async Task<JsonElement> FinishAsync(Uri authorize)
        {
            using var callback = await Browser.GetAsync(authorize);
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
            var location = callback.Headers.Location!.ToString();
            Assert.StartsWith(RedirectUri, location, StringComparison.Ordinal);
            var code = Uri.UnescapeDataString(Regex.Match(location, "[?&]code=([^&]+)").Groups[1].Value);
            using var token = await Browser.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = GonScopes.PortalClientId,
                ["client_secret"] = "gon-portal-dev-secret",
                ["code"] = code,
                ["redirect_uri"] = RedirectUri,
                ["code_verifier"] = _verifier,
            }));
            var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
            Assert.True(token.IsSuccessStatusCode, json.ToString());
            var part = json.GetProperty("access_token").GetString()!.Split('.')[1].Replace('-', '+').Replace('_', '/');
            part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
            return JsonDocument.Parse(Convert.FromBase64String(part)).RootElement.Clone();
        }

        public void Dispose() => Browser.Dispose();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTwoFactorSignInTests(SqliteHosts hosts) : TwoFactorSignInTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTwoFactorSignInTests(PostgresHosts hosts) : TwoFactorSignInTests(hosts);
