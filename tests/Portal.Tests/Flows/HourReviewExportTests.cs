using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// The hour review queue sorted on the quantity by the Server: the download holds the whole queue in that order
/// (hours as numbers with a decimal comma, other units as counts), and the page shows its first rows.
/// </summary>
public sealed class HourReviewExportTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [Fact]
    public async Task The_review_queue_sorts_on_quantity_and_downloads_in_that_order()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/uren/beoordelen");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Uren" });
        var header = table.GetByRole(AriaRole.Columnheader, new() { Name = "Hoeveelheid" });
        await Assertions.Expect(table).ToHaveAccessibleNameAsync("Uren, nieuwste datum eerst");
        await header.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        await Assertions.Expect(table).ToHaveAccessibleNameAsync("Uren, in de gekozen volgorde");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#uren-export-csv").ClickAsync());
        Assert.Equal("uren.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}", Encoding.UTF8.GetString(bytes));
        using var csv = new CsvReader(new StreamReader(new MemoryStream(bytes)), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(csv.Parser.Record!);
        }
        Assert.Equal(["Datum", "Cliënt", "Gemeld door", "Product", "Uren", "Aantal", "Status", "Toelichting"], records[0]);
        var lines = records.Skip(1).ToList();
        Assert.True(lines.Count > 50, $"the whole queue, more than a page: {lines.Count}");
        Assert.All(lines, l => Assert.True(l[4].Length > 0 ^ l[5].Length > 0, "a row holds hours or a count"));
        // The Server sorts the stored quantity: minutes for hours, the count for other units.
        var quantities = lines.Select(l => l[4].Length > 0 ? decimal.Parse(l[4], NumberStyles.Number, Dutch) * 60 : decimal.Parse(l[5], Dutch)).ToList();
        Assert.Equal(quantities.Order(), quantities);
        Assert.Contains(lines, l => l[4].Contains(',', StringComparison.Ordinal));

        // The page shows the file's first rows (date and client), once the Server's page arrived.
        var expected = lines.Take(50).Select(l => (l[0], l[1])).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        List<(string, string)> shown;
        do
        {
            shown = [];
            foreach (var row in await table.Locator("tbody tr").AllAsync())
            {
                shown.Add(((await row.Locator("td").Nth(1).InnerTextAsync()).Trim(), (await row.Locator("td").Nth(2).Locator("a").InnerTextAsync()).Trim()));
            }
        }
        while (!shown.SequenceEqual(expected.Take(shown.Count)) && DateTime.UtcNow < deadline && await Delay());
        Assert.NotEmpty(shown);
        Assert.Equal(expected.Take(shown.Count), shown);

        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("#uren-export-xlsx").ClickAsync());
        await using var xlsxFile = File.OpenRead((await xlsxDownload.PathAsync())!);
        using var workbook = new XLWorkbook(xlsxFile);
        var sheet = workbook.Worksheets.First();
        Assert.Equal("Uren", sheet.Name);
        var withHours = lines.FindIndex(l => l[4].Length > 0) + 2;
        Assert.Equal(XLDataType.Number, sheet.Cell(withHours, 5).DataType);
        Assert.Equal(decimal.Parse(lines[withHours - 2][4], Dutch), (decimal)sheet.Cell(withHours, 5).GetDouble());
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 1).DataType);
        Assert.Equal(lines.Select(l => l[1]), Enumerable.Range(2, lines.Count).Select(r => sheet.Cell(r, 2).GetString()));
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }
}
