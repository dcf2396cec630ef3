using System.Diagnostics;
using GonPortal.HostContracts;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Observability;

/// <summary>
/// One page is one trace: the portal's span for the page, its outgoing gRPC call, the Server's span for that call and
/// the Server's database commands share one trace id, each exported by the host that made it (in-memory exporters).
/// </summary>
[Collection(TracedPortalCollection.Name)]
public sealed class PortalTraceTests(TracedPortalHosts hosts, BrowserFixture browser) : IAsyncLifetime
{
    private const string Method = "/gon.v1.ClientService/ListClients";
    private IBrowserContext? _context;

    [Fact]
    public async Task The_clients_page_is_one_trace_from_the_portal_through_the_server_to_the_database()
    {
        var page = await SignedInAtClientsAsync(PortalTest.Hoofdaanbieder);
        await Assertions.Expect(page.Locator("table a[href^='clienten/']").First).ToBeVisibleAsync();

        // Spans end (and are exported) a moment after the page shows what they fetched.
        (Activity Client, Activity Server, Activity Database)? found = null;
        for (var i = 0; i < 50 && found is null; i++)
        {
            found = Find();
            if (found is null)
            {
                await Task.Delay(100);
            }
        }
        Assert.True(found is not null, Describe());
        var (client, server, database) = found.Value;

        Assert.Equal(client.TraceId, server.TraceId);
        Assert.Equal(server.TraceId, database.TraceId);
        Assert.Equal(client.SpanId, server.ParentSpanId);
        // The trace starts in the portal, above its gRPC call: the page (its request or its circuit's work).
        var portalSpans = hosts.Exported(TracedPortalHosts.Portal);
        var root = Ancestors(client, portalSpans).Last();
        Assert.NotEqual(client.SpanId, root.SpanId);
        Assert.Equal(default, root.ParentSpanId);
    }

    /// <summary>The Portal's client span for ListClients, the Server's span for it, and a database command below that.</summary>
    private (Activity, Activity, Activity)? Find()
    {
        var portal = hosts.Exported(TracedPortalHosts.Portal);
        var serverSpans = hosts.Exported(TracedPortalHosts.Server);
        foreach (var server in serverSpans.Where(s => s.Kind == ActivityKind.Server && Path(s) == Method))
        {
            var client = portal.FirstOrDefault(p => p.Kind == ActivityKind.Client && p.SpanId == server.ParentSpanId);
            var database = serverSpans.FirstOrDefault(d => IsDatabase(d) && d.TraceId == server.TraceId && Ancestors(d, serverSpans).Any(a => a.SpanId == server.SpanId));
            if (client is not null && database is not null)
            {
                return (client, server, database);
            }
        }
        return null;
    }

    private static bool IsDatabase(Activity span) =>
        span.Kind == ActivityKind.Client && (span.GetTagItem("db.system") ?? span.GetTagItem("db.system.name")) is not null;

    private static string? Path(Activity span) => span.GetTagItem("url.path") as string;

    /// <summary>The span and its parents, as far as <paramref name="spans"/> knows them.</summary>
    private static IEnumerable<Activity> Ancestors(Activity span, IReadOnlyList<Activity> spans)
    {
        var bySpanId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        for (Activity? current = span; current is not null; current = bySpanId.GetValueOrDefault(current.ParentSpanId))
        {
            yield return current;
        }
    }

    private string Describe()
    {
        string Line(Activity a) => $"  {a.Source.Name} {a.Kind} '{a.DisplayName}' trace={a.TraceId} span={a.SpanId} parent={a.ParentSpanId}";
        return $"No Portal → Server → database trace for {Method}.\nportal:\n"
            + string.Join("\n", hosts.Exported(TracedPortalHosts.Portal).TakeLast(30).Select(Line))
            + "\nserver:\n" + string.Join("\n", hosts.Exported(TracedPortalHosts.Server).TakeLast(30).Select(Line));
    }

    private async Task<IPage> SignedInAtClientsAsync(string email)
    {
        _context = await browser.Require().NewContextAsync(new BrowserNewContextOptions { BaseURL = hosts.PortalUrl.ToString(), Locale = "nl-NL" });
        _context.SetDefaultTimeout(20_000);
        var page = await _context.NewPageAsync();
        var user = DemoData.Users.Single(u => u.Email == email);
        await page.GotoAsync($"account/login?returnUrl={Uri.EscapeDataString("/clienten")}");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", DemoData.Password);
        await page.ClickAsync("button[type=submit]");
        if (DemoData.NeedsAuthenticatorCode(user))
        {
            await page.FillAsync("input[name='Input.Code']", Totp.Code(DemoData.AuthenticatorKey));
            await page.ClickAsync("button[type=submit]");
        }
        await Assertions.Expect(page.GetByTestId("aangemeld")).ToContainTextAsync(user.DisplayName);
        return page;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }
}
