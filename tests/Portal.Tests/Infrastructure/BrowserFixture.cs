using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Infrastructure;

/// <summary>
/// Headless Chromium through Playwright, using Debian's Chromium (env GON_CHROMIUM, default /usr/bin/chromium):
/// the test run downloads no browser. Without it the tests skip with the reason, and fail when CI=true.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("GON_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>The browser, or a skip (locally) / failure (CI) that says how to get one.</summary>
    public IBrowser Require()
    {
        if (Browser is not null)
        {
            return Browser;
        }

        var how = $"Chromium not found at {ChromiumPath}. Install it (apt-get install -y chromium) or set GON_CHROMIUM.";
        if (IsCi)
        {
            Assert.Fail("The browser tests are required in CI. " + how);
        }

        Assert.Skip("Browser tests skipped. " + how);
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
