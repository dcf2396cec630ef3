using System.Net;
using System.Text.RegularExpressions;
using GonPortal.HostContracts;
using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Identity;

/// <summary>/connect/endsession signs out only on a POST that carries the antiforgery token of its confirmation page.</summary>
public abstract partial class EndSessionTests(GonHosts hosts)
{
    private const string PostLogoutRedirectUri = "http://localhost:5300/signout-callback-oidc";
    private const string SignedInText = "U bent ingelogd als";

    private static string EndSessionUrl =>
        $"connect/endsession?client_id={GonScopes.PortalClientId}&post_logout_redirect_uri={Uri.EscapeDataString(PostLogoutRedirectUri)}&state=s1";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex ProtocolField();

    [Fact]
    public async Task A_get_only_asks_for_confirmation_and_keeps_the_session()
    {
        hosts.RequireAvailable();
        using var browser = await SignedInBrowser("consulent@wij.demo");

        using var confirmation = await browser.GetAsync(EndSessionUrl);
        var html = await confirmation.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/connect/endsession\"", html);
        Assert.Contains(SignedInText, await browser.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_keeps_the_session()
    {
        hosts.RequireAvailable();
        using var browser = await SignedInBrowser("planner@atelier.demo");

        using var response = await browser.PostAsync("connect/endsession", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = GonScopes.PortalClientId,
            ["post_logout_redirect_uri"] = PostLogoutRedirectUri,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(SignedInText, await browser.GetStringAsync("/"));
    }

    [Fact]
    public async Task Confirming_signs_out_and_returns_to_the_client()
    {
        hosts.RequireAvailable();
        using var browser = await SignedInBrowser("planner@noorderlicht.demo");
        var html = await browser.GetStringAsync(EndSessionUrl);
        var form = ProtocolField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["__RequestVerificationToken"] = AntiforgeryField().Match(html).Groups[1].Value;

        using var response = await browser.PostAsync("connect/endsession", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(PostLogoutRedirectUri, response.Headers.Location!.ToString());
        Assert.Contains("state=s1", response.Headers.Location!.ToString());
        Assert.DoesNotContain(SignedInText, await browser.GetStringAsync("/"));
    }

    private async Task<HttpClient> SignedInBrowser(string email)
    {
        var browser = LoginForm.Browser(hosts.IdentityUrl);
        using var login = await LoginForm.PostAsync(browser, email, DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(SignedInText, await browser.GetStringAsync("/"));
        return browser;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEndSessionTests(SqliteHosts hosts) : EndSessionTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresEndSessionTests(PostgresHosts hosts) : EndSessionTests(hosts);
