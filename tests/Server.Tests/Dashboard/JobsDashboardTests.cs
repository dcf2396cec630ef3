using System.Net;
using System.Text.RegularExpressions;
using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.HostContracts;
using Grpc.Core;
using Grpc.Net.Client;

namespace GonPortal.Server.Tests.Dashboard;

/// <summary>
/// The Hangfire dashboard on the Server's HTTP/1.1 endpoint: a browser signs in at the real Identity
/// (code + PKCE, client gon-jobs-dashboard), and only a gemeente administrator gets in. gRPC is untouched.
/// </summary>
public abstract partial class JobsDashboardTests(GonHosts hosts)
{
    private const string Administrator = "beheer@gemeente.demo";

    // Hangfire's layout hands the ASP.NET Core antiforgery token to its scripts in two meta tags.
    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private Uri Dashboard => new(hosts.ServerHttpUrl, "hangfire");

    [Fact]
    public async Task An_anonymous_browser_is_sent_to_sign_in_at_identity()
    {
        hosts.RequireAvailable();
        using var browser = new Browser(hosts);
        using var response = await browser.Http.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(new Uri(hosts.IdentityUrl, "connect/authorize").AbsoluteUri, location.AbsoluteUri);
        var query = Uri.UnescapeDataString(location.Query);
        Assert.Contains($"client_id={JobsDashboardContract.ClientId}", query);
        Assert.Contains($"redirect_uri={new Uri(hosts.ServerHttpUrl, "hangfire/signin-oidc").AbsoluteUri}", query);
        Assert.Contains("code_challenge_method=S256", query);
        Assert.Contains("response_type=code", query);
        Assert.Contains("scope=openid profile roles", query);
    }

    [Fact]
    public async Task A_gemeente_administrator_signs_in_and_sees_the_dashboard()
    {
        hosts.RequireAvailable();
        using var browser = new Browser(hosts);
        using var response = await browser.NavigateAsync(Dashboard, signInAs: Administrator);

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        Assert.Equal(Dashboard, browser.Visited[^1]);
        Assert.Contains(browser.Visited, u => u.AbsolutePath == JobsDashboardContract.CallbackPath);
        Assert.Contains("GonPortal jobs", html);
        Assert.Contains("Hangfire", html);
        Assert.Contains("/hangfire/signout", html);
    }

    [Theory]
    [InlineData("beleid@gemeente.demo")]
    [InlineData("coordinator@stadsezorg.demo")]
    [InlineData("consulent@wij.demo")]
    public async Task A_signed_in_non_administrator_gets_403_with_an_explanation(string email)
    {
        hosts.RequireAvailable();
        using var browser = new Browser(hosts);
        using var response = await browser.NavigateAsync(Dashboard, signInAs: email);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only for gemeente administrators", await response.Content.ReadAsStringAsync());
        Assert.Contains(browser.Visited, u => u.AbsolutePath == JobsDashboardContract.CallbackPath);
    }

    [Fact]
    public async Task The_dashboards_posts_need_the_antiforgery_token()
    {
        hosts.RequireAvailable();
        using var browser = new Browser(hosts);
        using var page = await browser.NavigateAsync(Dashboard, signInAs: Administrator);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var header = AntiforgeryHeader().Match(html).Groups[1].Value;
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        Assert.NotEqual("", header);
        Assert.NotEqual("", token);

        var stats = new Uri(hosts.ServerHttpUrl, "hangfire/stats");
        using var withoutToken = await browser.Http.PostAsync(stats, Metrics());
        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, stats) { Content = Metrics() };
        request.Headers.Add(header, token);
        using var withToken = await browser.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_dashboard_and_the_identity_session()
    {
        hosts.RequireAvailable();
        using var browser = new Browser(hosts);
        using (var signedIn = await browser.NavigateAsync(Dashboard, signInAs: Administrator))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        // The menu's link shows a form; its POST signs out of the dashboard and leads to Identity's confirmation.
        var signOutUrl = new Uri(hosts.ServerHttpUrl, "hangfire/signout");
        using var form = await browser.NavigateAsync(signOutUrl);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        using var confirmation = await browser.SubmitFormAsync(signOutUrl, await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        var confirmationUrl = browser.Visited[^1];
        Assert.EndsWith("connect/endsession", confirmationUrl.AbsolutePath, StringComparison.Ordinal);

        using (var signedOut = await browser.SubmitFormAsync(confirmationUrl, await confirmation.Content.ReadAsStringAsync()))
        {
            Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
            Assert.Contains("Signed out", await signedOut.Content.ReadAsStringAsync());
        }

        // Back to the login page: neither the dashboard cookie nor Identity's session survived.
        using var again = await browser.NavigateAsync(Dashboard);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("/Account/Login", browser.Visited[^1].AbsolutePath);
    }

    [Fact]
    public async Task Signing_out_needs_a_post_with_the_antiforgery_token()
    {
        hosts.RequireAvailable();
        using var browser = new Browser(hosts);
        using (var signedIn = await browser.NavigateAsync(Dashboard, signInAs: Administrator))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        using (var link = await browser.NavigateAsync(new Uri(hosts.ServerHttpUrl, "hangfire/signout")))
        {
            Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        }

        using var forged = await browser.Http.PostAsync(new Uri(hosts.ServerHttpUrl, "hangfire/signout"), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // Neither the GET nor the forged POST ended the session.
        using var still = await browser.NavigateAsync(Dashboard);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.Equal(Dashboard, browser.Visited[^1]);
    }

    [Fact]
    public async Task A_bearer_token_does_not_open_the_dashboard()
    {
        hosts.RequireAvailable();
        using var browser = new Browser(hosts);
        using var request = new HttpRequestMessage(HttpMethod.Get, Dashboard);
        request.Headers.Authorization = new("Bearer", await hosts.TokenFor(Callers.Gemeente));
        using var response = await browser.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_grpc_call_without_a_token_is_still_unauthenticated()
    {
        hosts.RequireAvailable();
        using var channel = GrpcChannel.ForAddress(hosts.ServerUrl);
        var client = new ProviderService.ProviderServiceClient(channel);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.GetCurrentOrganisationAsync(new()));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private static FormUrlEncodedContent Metrics() => new([new("metrics[]", "enqueued:count")]);
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteJobsDashboardTests(SqliteHosts hosts) : JobsDashboardTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresJobsDashboardTests(PostgresHosts hosts) : JobsDashboardTests(hosts);
