using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Screenshots;

/// <summary>
/// Takes each role's main page and the pages of the daily work at desktop (1280 px) and phone (390 px) width. With GON_WRITE_SCREENSHOTS=1 they
/// go to docs/screenshots/, the pictures the README shows (commit them when the look changes); otherwise to the
/// test output folder, so an ordinary test run leaves the work tree clean.
/// </summary>
public sealed class MainPageScreenshots(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    public static TheoryData<string, string, string> MainPages => new()
    {
        { "hoofdaanbieder", Hoofdaanbieder, "/dashboard" },
        { "onderaannemer", Onderaannemer, "/uren/invoeren?week=2028-01-03" },
        { "gemeente", Gemeente, "/overzicht" },
        { "wij", Wij, "/verwijzingen" },
        { "hoofdaanbieder-verwijzingen", Hoofdaanbieder, "/verwijzingen/ontvangen" },
        { "hoofdaanbieder-uren", Hoofdaanbieder, "/uren/beoordelen" },
        { "gemeente-beschikkingen", Gemeente, "/beschikkingen" },
        { "wij-akkoord", Wij, "/akkoord" },
    };

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task Main_page_at_desktop_and_phone_width(string role, string email, string path)
    {
        foreach (var (device, width, height) in new[] { ("desktop", 1280, 900), ("telefoon", 390, 844) })
        {
            var page = await NewPageAsync(width, height);
            await SignInAsync(page, email, path);
            if (email == Gemeente)
            {
                await page.GetByLabel("Met welk doel bekijkt u deze gegevens?").FillAsync("Maandelijkse monitoring GON");
                await page.GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen en verder" }).ClickAsync();
            }

            await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("main table").First).ToBeVisibleAsync();
            var folder = Environment.GetEnvironmentVariable("GON_WRITE_SCREENSHOTS") == "1"
                ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
                : Path.Combine(AppContext.BaseDirectory, "screenshots");
            var file = Path.Combine(folder, $"{role}-{device}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = device == "desktop" });
            Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GonPortal.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("GonPortal.sln not found above the test folder.");
    }
}
