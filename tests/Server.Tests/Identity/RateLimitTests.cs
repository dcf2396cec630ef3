using System.Net;
using GonPortal.HostContracts;
using GonPortal.Identity.Data;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Identity;

/// <summary>Identity with a token limit of 3 a minute per client and address.</summary>
public sealed class LowTokenLimitIdentity() : IdentityHost(new Dictionary<string, string?>
{
    ["Identity:RateLimits:Token:PermitLimit"] = "3",
    ["Identity:RateLimits:Token:WindowSeconds"] = "60",
});

/// <summary>Identity with 2 failed logins per address and account, and a high per-address limit so only the former bites.</summary>
public sealed class LowLoginFailureLimitIdentity() : IdentityHost(new Dictionary<string, string?>
{
    ["Identity:RateLimits:LoginFailures:PermitLimit"] = "2",
    ["Identity:RateLimits:LoginFailures:WindowSeconds"] = "300",
    ["Identity:RateLimits:Login:PermitLimit"] = "100",
});

/// <summary>Identity with 4 login posts a minute per address.</summary>
public sealed class LowLoginLimitIdentity() : IdentityHost(new Dictionary<string, string?>
{
    ["Identity:RateLimits:Login:PermitLimit"] = "4",
    ["Identity:RateLimits:Login:WindowSeconds"] = "60",
});

public sealed class TokenRateLimitTests(LowTokenLimitIdentity identity) : IClassFixture<LowTokenLimitIdentity>
{
    [Fact]
    public async Task A_client_gets_429_after_its_limit_while_another_client_still_gets_tokens()
    {
        using var http = new HttpClient { BaseAddress = identity.Url };
        var limited = DemoData.MachineClients[0];
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await RequestToken(http, limited);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        using var other = await RequestToken(http, DemoData.MachineClients[1]);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Wrong_secrets_count_too()
    {
        using var http = new HttpClient { BaseAddress = identity.Url };
        var client = DemoData.MachineClients[2] with { ClientSecret = "guessed" };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await RequestToken(http, client);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.OK, statuses);
    }

    private static Task<HttpResponseMessage> RequestToken(HttpClient http, DemoMachineClient client) =>
        http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = GonScopes.Api,
        }));
}

public sealed class LoginFailureThrottleTests(LowLoginFailureLimitIdentity identity) : IClassFixture<LowLoginFailureLimitIdentity>
{
    private const string Victim = "coordinator@oostzorg.demo";

    [Fact]
    public async Task A_burst_of_wrong_passwords_from_one_address_cannot_lock_the_account()
    {
        using var browser = LoginForm.Browser(identity.Url);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < IdentityMaxFailedAccessAttempts + 3; i++)
        {
            using var response = await LoginForm.PostAsync(browser, Victim, "geraden-" + i);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses[..2]);
        Assert.All(statuses[2..], status => Assert.Equal(HttpStatusCode.TooManyRequests, status));

        await using var scope = identity.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GonUser>>();
        var user = (await users.FindByEmailAsync(Victim))!;
        Assert.False(await users.IsLockedOutAsync(user));
        Assert.Equal(2, await users.GetAccessFailedCountAsync(user));
    }

    [Fact]
    public async Task Failures_for_one_account_do_not_throttle_another_account_from_the_same_address()
    {
        using var browser = LoginForm.Browser(identity.Url);
        for (var i = 0; i < 3; i++)
        {
            using var _ = await LoginForm.PostAsync(browser, "planner@atelier.demo", "geraden-" + i);
        }

        using var other = await LoginForm.PostAsync(browser, "planner@noorderlicht.demo", DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    private const int IdentityMaxFailedAccessAttempts = GonPortal.Identity.Extensions.IdentityDataExtensions.MaxFailedAccessAttempts;
}

public sealed class LoginRateLimitTests(LowLoginLimitIdentity identity) : IClassFixture<LowLoginLimitIdentity>
{
    [Fact]
    public async Task Login_posts_from_one_address_over_all_accounts_get_429_after_the_limit()
    {
        using var browser = LoginForm.Browser(identity.Url);
        var emails = DemoData.Users.Select(u => u.Email).Take(5).ToList();
        var statuses = new List<HttpStatusCode>();
        foreach (var email in emails)
        {
            using var response = await LoginForm.PostAsync(browser, email, "geraden");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using (var rejected = await LoginForm.PostAsync(browser, emails[0], "geraden"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
            Assert.Equal(GonPortal.Identity.Extensions.RateLimitingExtensions.LoginRejectedText, await rejected.Content.ReadAsStringAsync());
        }

        // The form itself (GET) stays reachable.
        using var page = await browser.GetAsync("Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

public sealed class TwoFactorCodeRateLimitTests(LowLoginLimitIdentity identity) : IClassFixture<LowLoginLimitIdentity>
{
    [Fact]
    public async Task Code_posts_share_the_login_limit_of_the_address()
    {
        using var browser = LoginForm.Browser(identity.Url);
        var page = await browser.GetStringAsync("Account/Login?ReturnUrl=%2F");
        using var password = await browser.PostAsync("Account/Login?ReturnUrl=%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "beleid@gemeente.demo",
            ["Input.Password"] = DemoData.Password,
            ["ReturnUrl"] = "/",
            ["__RequestVerificationToken"] = LoginForm.Antiforgery(page),
        }));
        Assert.True(LoginForm.IsCodeStep(password));

        var codePage = new Uri(identity.Url, password.Headers.Location!);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await LoginForm.SubmitCodeAsync(browser, codePage, "000000");
            statuses.Add(response.StatusCode);
        }

        // One password post and three code posts use up the four; the fourth code post is refused unread.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}

/// <summary>Identity configured so that one address could lock an account in a burst.</summary>
public sealed class LockoutReachableIdentity() : IdentityHost(new Dictionary<string, string?>
{
    ["Identity:RateLimits:LoginFailures:PermitLimit"] = "5",
});

public sealed class RateLimitSettingsTests
{
    [Fact]
    public async Task A_failure_budget_that_reaches_the_lockout_is_refused_at_start_up()
    {
        var host = new LockoutReachableIdentity();
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await host.InitializeAsync());
        await host.DisposeAsync();

        Assert.Contains("LoginFailures:PermitLimit must be below", error.ToString());
    }
}
