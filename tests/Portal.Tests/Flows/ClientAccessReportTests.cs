using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// An AVG access request in the portal: the hoofdaanbieder opens who looked at its client; the gemeente, after stating
/// its purpose, sees the same client's report with that look on it and downloads it as a ';'-separated CSV with a BOM.
/// </summary>
public sealed class ClientAccessReportTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task The_hoofdaanbieder_and_the_gemeente_see_who_looked_and_download_it()
    {
        var page = await NewPageAsync();
        await AccessibilityTests.OpenAsync(page, Hoofdaanbieder, "/clienten/eerste/inzage");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Inzage en wijzigingen, nieuwste eerst" });
        await Assertions.Expect(table.Locator("tr", new() { HasText = "Cliëntgegevens ingezien" }).Filter(new() { HasText = "Stadse Zorgcombinatie" }).First).ToBeVisibleAsync();
        var path = new Uri(page.Url).AbsolutePath;

        var gemeente = await NewPageAsync();
        await SignInAsync(gemeente, Gemeente, path);
        await AccessibilityTests.GivePurposeAsync(gemeente, "Inzageverzoek van de client");
        var report = gemeente.GetByRole(AriaRole.Table, new() { Name = "Inzage en wijzigingen, nieuwste eerst" });
        // The hoofdaanbieder's look, and the gemeente's own request with its purpose (the newest line).
        await Assertions.Expect(report.Locator("tr", new() { HasText = "Inzageoverzicht opgevraagd" }).Filter(new() { HasText = "Stadse Zorgcombinatie" }).First).ToBeVisibleAsync();
        await Assertions.Expect(report.Locator("tbody tr").First).ToContainTextAsync("Inzageverzoek van de client");

        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Overzicht als bestand klaarzetten" }).ClickAsync();
        var download = await gemeente.RunAndWaitForDownloadAsync(() => gemeente.Locator("#inzage-bestand").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Moment;Wie;Organisatie;Rol;Handeling;Gegevens;Doel", lines[0]);
        Assert.Contains(lines, l => l.Contains("Inzageverzoek van de client") && l.Contains(";Gemeente Groningen;"));
        Assert.Contains(lines, l => l.Contains("Cliëntgegevens ingezien") && l.Contains("Stadse Zorgcombinatie"));
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", string.Join('\n', lines));
    }
}
