using ClosedXML.Excel;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static GonPortal.Portal.Tests.Infrastructure.TableChecks;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// An AVG access request in the portal: the hoofdaanbieder opens who looked at its client; the gemeente, after stating
/// its purpose, sees the same client's report with that look on it and downloads it (one download set: CSV with a BOM
/// and ';', and an Excel workbook with the moments as real date-times).
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

        // One download set: the whole report as CSV and as a workbook, named after the client, with who, what and why.
        var csv = await DownloadCsvAsync(gemeente, "inzage-export", "inzage-[a-z-]+");
        Assert.Equal(["Moment", "Wie", "Rol", "Organisatie", "Handeling", "Gegevens", "Doel"], csv[0]);
        Assert.Contains(csv, r => r[6] == "Inzageverzoek van de client" && r[3] == "Gemeente Groningen");
        Assert.Contains(csv, r => r.Contains("Cliëntgegevens ingezien") && r[3] == "Stadse Zorgcombinatie");
        Assert.All(csv.Skip(1), r => Assert.NotNull(Moment(r[0])));
        Assert.Equal(csv.Skip(1).Select(r => Moment(r[0])).OrderDescending(), csv.Skip(1).Select(r => Moment(r[0]))); // newest first, as shown

        using var workbook = await DownloadXlsxAsync(gemeente, "inzage-export", "inzage-[a-z-]+");
        var sheet = workbook.Worksheets.First();
        Assert.Equal(csv[0], Header(sheet));
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 1).DataType);
        // each download reads the report anew (and the reading is itself recorded): the oldest line is the same in both
        var rows = Rows(sheet);
        Assert.True(csv.Count - 1 <= rows.Count, "the workbook holds every line of the report");
        Assert.InRange((sheet.Cell(rows.Count + 1, 1).GetDateTime() - Moment(csv[^1][0])!.Value).TotalSeconds, -1, 61);
        Assert.Equal(csv[^1][1], rows[^1][1]);
    }
}
