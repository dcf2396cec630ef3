using GonPortal.HostContracts;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Infrastructure;

/// <summary>Base of the browser tests: a fresh browser context per test and sign-in through the real Identity.</summary>
[Collection(PortalCollection.Name)]
public abstract class PortalTest(PortalHosts hosts, BrowserFixture browser) : IAsyncLifetime
{
    public const string Hoofdaanbieder = "coordinator@stadsezorg.demo";
    public const string OtherHoofdaanbieder = "coordinator@oostzorg.demo";
    public const string Onderaannemer = "planner@delinde.demo";
    public const string Gemeente = "beleid@gemeente.demo";
    public const string Wij = "consulent@wij.demo";
    public const string GemeenteBeheerder = "beheer@gemeente.demo";

    private readonly List<IBrowserContext> _contexts = [];

    protected PortalHosts Hosts => hosts;

    public ValueTask InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        return ValueTask.CompletedTask;
    }

    /// <summary>A new browser tab with its own cookies, at desktop width unless given.</summary>
    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await browser.Require().NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = hosts.PortalUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
        });
        context.SetDefaultTimeout(20_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in at Identity's login page and waits until the portal shows the person in its header. Demo users who
    /// need two-factor get the code their authenticator app would show for <see cref="DemoData.AuthenticatorKey"/>.
    /// </summary>
    protected static async Task SignInAsync(IPage page, string email, string returnPath = "/")
    {
        var user = DemoData.Users.Single(u => u.Email == email);
        await StartSignInAsync(page, email, DemoData.Password, returnPath);
        if (DemoData.NeedsAuthenticatorCode(user))
        {
            await EnterCodeAsync(page, Totp.Code(DemoData.AuthenticatorKey));
        }

        await Assertions.Expect(page.GetByTestId("aangemeld")).ToContainTextAsync(user.DisplayName);
    }

    /// <summary>Fills and submits Identity's login form; what comes next (code, enrolment, portal) is up to the caller.</summary>
    protected static async Task StartSignInAsync(IPage page, string email, string password, string returnPath = "/")
    {
        await page.GotoAsync($"account/login?returnUrl={Uri.EscapeDataString(returnPath)}");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>Identity's second step: the code from the authenticator app (or a recovery code).</summary>
    protected static async Task EnterCodeAsync(IPage page, string code)
    {
        await page.FillAsync("input[name='Input.Code']", code);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>Signs in and opens a page; the h1 is awaited, since the circuit renders after the first response.</summary>
    protected async Task<IPage> OpenAsSignedInAsync(string email, string path, int width = 1280)
    {
        var page = await NewPageAsync(width);
        await SignInAsync(page, email, path);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        return page;
    }

    protected static ILocator Heading(IPage page, string text) =>
        page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = text, Level = 1 });

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
