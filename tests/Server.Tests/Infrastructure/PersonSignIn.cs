using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GonPortal.HostContracts;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace GonPortal.Server.Tests.Infrastructure;

/// <summary>
/// A person signs in as the portal does: authorization code + PKCE through Identity's real login form (cookies,
/// antiforgery), then the code is redeemed for tokens. Also posts the activation and reset forms.
/// </summary>
public static partial class PersonSignIn
{
    public const string PortalRedirectUri = "http://localhost:5300/signin-oidc";
    public const string PortalSecret = "gon-portal-dev-secret";

    private static readonly ConcurrentDictionary<string, Task<string>> CachedTokens = new();
    private static readonly ConcurrentDictionary<Uri, GrpcChannel> Channels = new();

    public sealed record Tokens(string AccessToken, string RefreshToken);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Signs in and returns the tokens; fails the test when the login is refused.</summary>
    public static async Task<Tokens> SignInAsync(GonHosts hosts, string email, string password = DemoData.Password)
    {
        var tokens = await TrySignInAsync(hosts, email, password);
        Assert.True(tokens is not null, $"{email} could not sign in.");
        return tokens;
    }

    /// <summary>Null when the login page refuses the person (it answers the form again instead of redirecting).</summary>
    public static async Task<Tokens?> TrySignInAsync(GonHosts hosts, string email, string password)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = hosts.IdentityUrl };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"connect/authorize?client_id={GonScopes.PortalClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(PortalRedirectUri)}" +
            $"&scope={Uri.EscapeDataString("openid profile roles offline_access gon.api")}&code_challenge={challenge}&code_challenge_method=S256&state=s1&nonce=n1";
        using var toLogin = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var loginUrl = toLogin.Headers.Location!.ToString();
        var page = await browser.GetStringAsync(loginUrl);
        var returnUrl = Uri.UnescapeDataString(new Uri(hosts.IdentityUrl, loginUrl).Query.Split("ReturnUrl=")[1]);
        using var login = await browser.PostAsync(loginUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["ReturnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        }));
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            return null;
        }
        var next = await SecondFactorAsync(hosts, browser, email, login.Headers.Location!);
        if (next is null)
        {
            return null;
        }
        using var callback = await browser.GetAsync(next);
        var location = callback.Headers.Location?.ToString() ?? "";
        if (!location.StartsWith(PortalRedirectUri, StringComparison.Ordinal) || !location.Contains("code=", StringComparison.Ordinal))
        {
            return null;
        }
        var code = Uri.UnescapeDataString(Regex.Match(location, "[?&]code=([^&]+)").Groups[1].Value);
        using var token = await browser.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = GonScopes.PortalClientId,
            ["client_secret"] = PortalSecret,
            ["code"] = code,
            ["redirect_uri"] = PortalRedirectUri,
            ["code_verifier"] = verifier,
        }));
        var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        return token.IsSuccessStatusCode
            ? new Tokens(json.GetProperty("access_token").GetString()!, json.GetProperty("refresh_token").GetString()!)
            : null;
    }

    /// <summary>
    /// After the password: where the sign-in continues. A demo user is asked for a code from the demo key; someone
    /// onboarded in a test enrols at the first sign-in (the key is read from the page and remembered per host and
    /// e-mail) and answers the code step with it afterwards. Null when a step is refused.
    /// </summary>
    private static async Task<Uri?> SecondFactorAsync(GonHosts hosts, HttpClient browser, string email, Uri next)
    {
        var path = new Uri(hosts.IdentityUrl, next).AbsolutePath;
        if (path.Equals(EnrolPath, StringComparison.OrdinalIgnoreCase))
        {
            var page = await browser.GetStringAsync(next);
            var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
            using var enrolled = await PostCodeAsync(browser, next, page, Totp.Code(key));
            if (enrolled.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }
            EnrolledKeys[$"{hosts.IdentityUrl}|{email}"] = key;
            var continueUrl = WebUtility.HtmlDecode(ContinueLink().Match(await enrolled.Content.ReadAsStringAsync()).Groups[1].Value);
            return continueUrl.Length == 0 ? null : new Uri(hosts.IdentityUrl, continueUrl);
        }
        if (path.Equals(CodePath, StringComparison.OrdinalIgnoreCase))
        {
            var key = EnrolledKeys.TryGetValue($"{hosts.IdentityUrl}|{email}", out var known) ? known : DemoData.AuthenticatorKey;
            var page = await browser.GetStringAsync(next);
            using var answered = await PostCodeAsync(browser, next, page, Totp.Code(key));
            return answered.StatusCode == HttpStatusCode.Redirect ? answered.Headers.Location : null;
        }
        return next;
    }

    private static Task<HttpResponseMessage> PostCodeAsync(HttpClient browser, Uri page, string html, string code) =>
        browser.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["ReturnUrl"] = WebUtility.HtmlDecode(ReturnUrlField().Match(html).Groups[1].Value),
            ["__RequestVerificationToken"] = AntiforgeryField().Match(html).Groups[1].Value,
        }));

    private const string EnrolPath = "/Account/EnrolAuthenticator";
    private const string CodePath = "/Account/LoginCode";
    private static readonly ConcurrentDictionary<string, string> EnrolledKeys = new();

    [GeneratedRegex("data-testid=\"sleutel\">([A-Z2-7 ]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("name=\"ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();

    [GeneratedRegex("class=\"button-link\" href=\"([^\"]+)\"")]
    private static partial Regex ContinueLink();

    /// <summary>The refresh grant: the response (success with tokens, or 400 with an OAuth error).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(GonHosts hosts, string refreshToken)
    {
        using var http = new HttpClient { BaseAddress = hosts.IdentityUrl };
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = GonScopes.PortalClientId,
            ["client_secret"] = PortalSecret,
            ["refresh_token"] = refreshToken,
        }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>A call invoker sending the person's access token (signed in once per host and e-mail, then cached).</summary>
    public static async Task<CallInvoker> InvokerAsync(GonHosts hosts, string email, string password = DemoData.Password)
    {
        var token = await CachedTokens.GetOrAdd($"{hosts.IdentityUrl}|{email}", async _ => (await SignInAsync(hosts, email, password)).AccessToken);
        return Invoker(hosts, token);
    }

    public static CallInvoker Invoker(GonHosts hosts, string accessToken) =>
        Channels.GetOrAdd(hosts.ServerUrl, url => GrpcChannel.ForAddress(url)).CreateCallInvoker()
            .Intercept(metadata =>
            {
                metadata.Add("Authorization", $"Bearer {accessToken}");
                return metadata;
            });

    /// <summary>GETs a password page (activation or reset) and posts the password twice with its antiforgery token; returns the resulting page.</summary>
    public static async Task<string> ChoosePasswordAsync(Uri link, string password)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var page = await browser.GetStringAsync(link);
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;
        if (antiforgery == "")
        {
            // A refused link shows no form; take a token from another form of the same host (same cookie) to post anyway.
            var other = await browser.GetStringAsync(new Uri(link, "/Account/ForgotPassword"));
            antiforgery = AntiforgeryField().Match(other).Groups[1].Value;
        }
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        using var response = await browser.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserId"] = query["userId"] ?? "",
            ["Token"] = query["token"] ?? "",
            ["Password"] = password,
            ["ConfirmPassword"] = password,
            ["__RequestVerificationToken"] = antiforgery,
        }));
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<string> GetPageAsync(Uri link)
    {
        using var browser = new HttpClient();
        return await browser.GetStringAsync(link);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
