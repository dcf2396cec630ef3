using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using GonPortal.Server.Settlements;
using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Processes;

/// <summary>
/// Two Identity and two Server processes on one PostgreSQL work as one system (issue 15, part 3):
/// tokens of either Identity are accepted by either Server (one set of signing keys, in the database);
/// a sign-in form served by one Identity is accepted by the other and its cookie read back by the
/// first (shared data-protection keys); a run started on both Servers at once exists and runs once;
/// a run whose Server is killed completes on the other; a recurring job fires once per occurrence.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed partial class SeveralInstancesTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task Two_identities_and_two_servers_on_one_database_work_as_one_system()
    {
        TestEnvironment.RequirePostgres();
        await using var cluster = new ProcessCluster();
        var settings = new Dictionary<string, string>
        {
            // Fires every three seconds; its precondition fails at once (no 2028 PGB counts), so it costs nothing but a log line.
            ["Jobs__Schedules__PgbProvisional"] = "*/3 * * * * *",
            ["Logging__LogLevel__GonPortal.Server.Settlements.SettlementRunJob"] = "Information",
        };
        var identity1 = await cluster.StartIdentityAsync();
        var identity2 = await cluster.StartIdentityAsync();
        var server1 = await cluster.StartServerAsync(settings);
        var server2 = await cluster.StartServerAsync(settings);

        // One set of signing keys: each Identity publishes the same, and each Server accepts the other Identity's token.
        Assert.Equal(await KeyIdsAsync(identity1.Url), await KeyIdsAsync(identity2.Url));
        var token1 = await ProcessCluster.TokenAsync(identity1.Url, Callers.Gemeente);
        var token2 = await ProcessCluster.TokenAsync(identity2.Url, Callers.Gemeente);
        foreach (var (server, token) in new[] { (server2, token1), (server1, token2) })
        {
            var organisation = await new ProviderService.ProviderServiceClient(ProcessCluster.Invoker(server, token)).GetCurrentOrganisationAsync(new GetCurrentOrganisationRequest());
            Assert.Equal(DemoData.Gemeente.Id.ToString(), organisation.OrganisationId);
        }

        await SignInAcrossIdentitiesAsync(identity1.Url, identity2.Url);
        await DashboardAcrossServersAsync(cluster);

        // Started on both at once: one run, which both answers name; it executes once.
        var at1 = new SettlementService.SettlementServiceClient(ProcessCluster.Invoker(server1, token1));
        var at2 = new SettlementService.SettlementServiceClient(ProcessCluster.Invoker(server2, token2));
        var both = await Task.WhenAll(at1.StartSettlementRunAsync(Runs.Statements(2027, 9)).ResponseAsync, at2.StartSettlementRunAsync(Runs.Statements(2027, 9)).ResponseAsync);
        Assert.Equal(both[0].SettlementRun.Id, both[1].SettlementRun.Id);
        Assert.Single(both, b => b.JoinedExisting);
        var once = await Runs.FinishedAsync(at2, both[0].SettlementRun.Id);
        Assert.Equal(SettlementRunState.Succeeded, once.State);
        Assert.Equal(1, await cluster.ScalarAsync("SELECT count(*) FROM \"SettlementRuns\" WHERE \"Year\" = 2027 AND \"Month\" = 9"));
        Assert.Equal(1, await Runs.AttemptsAsync(cluster, once.Id));
        Assert.Equal(once.ItemsTotal, await Runs.ResultsAsync(cluster, once.Id));

        // The Server executing a run is killed: the other takes it over once the lease lapses and completes it.
        var runId = (await at1.StartSettlementRunAsync(Runs.Statements(2027, 11))).SettlementRun.Id;
        await Runs.UntilAsync(at1, runId, r => r.State == SettlementRunState.Running && r.ItemsTotal >= 2, "running");
        var attemptLine = $"Settlement run {runId} (";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!server1.Host.Printed(attemptLine) && !server2.Host.Printed(attemptLine) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        var (executing, other, atOther) = server1.Host.Printed(attemptLine) ? (server1, server2, at2) : (server2, server1, at1);
        Assert.True(executing.Host.Printed(attemptLine), $"no Server logged the attempt\n{cluster.Output}");
        await executing.Host.KillAsync();
        var completed = await Runs.FinishedAsync(atOther, runId);
        Assert.Equal(SettlementRunState.Succeeded, completed.State);
        Assert.True(other.Host.Printed(attemptLine));
        Assert.True(await Runs.AttemptsAsync(cluster, runId) >= 2);
        Assert.Equal(completed.ItemsTotal, await Runs.ResultsAsync(cluster, runId));

        // Each occurrence of the recurring job was enqueued once although two schedulers watched it.
        var occurrences = await cluster.ScalarAsync(OccurrencesSql("count(*)"));
        var distinct = await cluster.ScalarAsync(OccurrencesSql("count(DISTINCT t.value)"));
        Assert.True(occurrences >= 2, $"the recurring job fired {occurrences} times\n{cluster.Output}");
        Assert.Equal(distinct, occurrences);
    }

    /// <summary>Hangfire records, on each job a recurring job enqueued, the job's id and the occurrence's time ("Time").</summary>
    private static string OccurrencesSql(string aggregate) =>
        $"SELECT {aggregate} FROM hangfire.jobparameter r JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time' " +
        $"WHERE r.name = 'RecurringJobId' AND r.value LIKE '%{ScheduledSettlements.PgbJobId}%'";

    /// <summary>
    /// The jobs dashboard behind one address: every request on a new connection, so the sign-in hops from
    /// Server to Server and Identity to Identity (challenge at one Server, callback at the other); once signed
    /// in, both Servers show the dashboard with the cookie.
    /// </summary>
    private static async Task DashboardAcrossServersAsync(ProcessCluster cluster)
    {
        using var browser = new Dashboard.Browser(cluster.IdentityAddress.Url);
        browser.Http.DefaultRequestHeaders.ConnectionClose = true;
        var dashboard = new Uri(cluster.ServerAddress.Url, JobsDashboardContract.Path.TrimStart('/'));
        using (var signedIn = await browser.NavigateAsync(dashboard, signInAs: "beheer@gemeente.demo"))
        {
            Assert.True(signedIn.StatusCode == HttpStatusCode.OK, $"{(int)signedIn.StatusCode} after {string.Join(" -> ", browser.Visited)}\n{cluster.Output}");
        }
        var handed = cluster.ServerAddress.Handed.Values.ToList();
        for (var i = 0; i < 2; i++)
        {
            using var again = await browser.NavigateAsync(dashboard);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
        Assert.All(cluster.ServerAddress.Handed.Values, n => Assert.True(n >= 2, "each Server served part of the sign-in and the dashboard"));
        Assert.NotEqual(handed, cluster.ServerAddress.Handed.Values.ToList());
    }

    private static async Task<string> KeyIdsAsync(Uri identity)
    {
        using var http = new HttpClient { BaseAddress = identity };
        var jwks = JsonDocument.Parse(await http.GetStringAsync(".well-known/jwks")).RootElement;
        return string.Join(",", jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).Order());
    }

    /// <summary>
    /// The login form comes from one Identity, the password goes to the other (its antiforgery token must
    /// be readable there), and the half-signed-in cookie the second sets is read by the first (the code step
    /// shows instead of sending the person back to the login).
    /// </summary>
    private static async Task SignInAcrossIdentitiesAsync(Uri first, Uri second)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var page = await browser.GetStringAsync(new Uri(first, "Account/Login"));
        using var login = await browser.PostAsync(new Uri(second, "Account/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = DemoData.Users[0].Email,
            ["Input.Password"] = DemoData.Password,
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var next = login.Headers.Location!;
        Assert.Contains("LoginCode", next.ToString(), StringComparison.OrdinalIgnoreCase);
        using var code = await browser.GetAsync(new Uri(first, next.ToString().TrimStart('/')));
        Assert.Equal(HttpStatusCode.OK, code.StatusCode);
    }
}
