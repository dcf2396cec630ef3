using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GonPortal.HostContracts;
using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Identity;

/// <summary>Identity's pages and protocol answers carry the security headers.</summary>
public abstract class IdentitySecurityHeaderTests(GonHosts hosts)
{
    [Theory]
    [InlineData("Account/Login")]
    [InlineData(".well-known/openid-configuration")]
    [InlineData("health")]
    public async Task Identity_sends_the_security_headers(string path)
    {
        hosts.RequireAvailable();
        using var http = new HttpClient { BaseAddress = hosts.IdentityUrl };
        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var scriptSrc = Regex.Match(csp, "script-src ([^;]+)").Groups[1].Value.Split(' ');
        Assert.Contains("'self'", scriptSrc);
        Assert.DoesNotContain("'unsafe-inline'", scriptSrc);
        Assert.DoesNotContain("'unsafe-eval'", scriptSrc);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        // Plain http on loopback: HSTS would be meaningless (and is only ever sent over https).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>The portal signs in with response_mode=form_post: OpenIddict's auto-submit script must be the one the policy allows.</summary>
    [Fact]
    public async Task The_policy_allows_exactly_the_form_post_script()
    {
        hosts.RequireAvailable();
        using var browser = LoginForm.Browser(hosts.IdentityUrl);
        using (var login = await LoginForm.PostAsync(browser, "beleid@gemeente.demo", DemoData.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(new string('v', 64))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var response = await browser.GetAsync(
            $"connect/authorize?client_id={GonScopes.PortalClientId}&response_type=code&response_mode=form_post" +
            $"&redirect_uri={Uri.EscapeDataString("http://localhost:5300/signin-oidc")}&scope=openid" +
            $"&code_challenge={challenge}&code_challenge_method=S256&state=s1&nonce=n1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.NotEqual("", script);
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script))) + "'";
        Assert.Contains(hash, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteIdentitySecurityHeaderTests(SqliteHosts hosts) : IdentitySecurityHeaderTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresIdentitySecurityHeaderTests(PostgresHosts hosts) : IdentitySecurityHeaderTests(hosts);
