using System.Net;
using System.Text.RegularExpressions;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// The portal's security headers, and that its Content-Security-Policy (scripts from the portal only) lets
/// Blazor and the sign-in work: no violation is reported while a person signs in and works on a page.
/// </summary>
public sealed class SecurityHeaderTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/health")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var http = new HttpClient { BaseAddress = Hosts.PortalUrl };
        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal("'self'", Regex.Match(csp, "script-src ([^;]+)").Groups[1].Value);
        Assert.Contains("connect-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_policy_blocks_nothing_the_portal_needs()
    {
        var page = await NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await SignInAsync(page, Hoofdaanbieder, "/clienten");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        // The circuit's navigation (WebSocket under connect-src), then the sign-out form, whose redirect to
        // Identity form-action must allow, and Identity's own confirmation page under its policy.
        await page.GetByRole(AriaRole.Link, new() { Name = "Uitloggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/connect/endsession"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" })).ToBeVisibleAsync();

        Assert.Empty(violations);
    }
}
