using System.Net;
using System.Text.RegularExpressions;
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
        var scriptSrc = Regex.Match(csp, "script-src ([^;]+)").Groups[1].Value;
        Assert.Equal("'self'", scriptSrc);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        // Plain http on loopback: HSTS would be meaningless (and is only ever sent over https).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteIdentitySecurityHeaderTests(SqliteHosts hosts) : IdentitySecurityHeaderTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresIdentitySecurityHeaderTests(PostgresHosts hosts) : IdentitySecurityHeaderTests(hosts);
