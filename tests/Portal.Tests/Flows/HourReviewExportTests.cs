using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// The hour review queue sorted on the quantity, and on the client's name, by the Server: the download holds the whole
/// queue in that order (hours as numbers with a decimal comma, other units as counts), and the pages show its rows.
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

    /// <summary>
    /// The client column sorts the whole queue on the Server, by surname the Dutch way ("G. van der Molen" under M):
    /// descending, the first page is the download's first rows and the next page goes on where it stopped.
    /// </summary>
    [Fact]
    public async Task The_review_queue_sorts_on_client_name_descending_across_pages()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/uren/beoordelen");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Uren" });
        var header = table.GetByRole(AriaRole.Columnheader, new() { Name = "Cliënt" });
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "none");
        await header.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        await header.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(table).ToHaveAccessibleNameAsync("Uren, in de gekozen volgorde");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#uren-export-csv").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        using var csv = new CsvReader(new StreamReader(new MemoryStream(bytes)), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var clients = new List<string>();
        var dates = new List<string>();
        csv.Read(); // header
        while (csv.Read())
        {
            dates.Add(csv.Parser.Record![0]);
            clients.Add(csv.Parser.Record![1]);
        }
        Assert.True(clients.Count > 50, $"more than a page: {clients.Count}");
        var surnames = clients.Select(Surname).ToList();
        Assert.Equal(surnames.OrderDescending(StringComparer.Ordinal), surnames);
        Assert.True(surnames.Distinct().Count() > 3, "the queue has several surnames");

        var expected = dates.Zip(clients).ToList();
        var first = await ShownWhenAsync(table, expected, 0);
        Assert.Equal(50, first);
        await page.GetByRole(AriaRole.Button, new() { Name = "Volgende" }).ClickAsync();
        await Assertions.Expect(page.Locator(".gon-pager-position")).ToHaveTextAsync("Pagina 2");
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.True(await ShownWhenAsync(table, expected, first) > 0);
    }

    /// <summary>The surname in a shown name ("G.J. van der Molen", "F. El Amrani"): after the initials, without the lower-case prefix.</summary>
    private static string Surname(string shown) =>
        string.Join(' ', shown.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).SkipWhile(w => char.IsLower(w[0]))).ToLowerInvariant();

    /// <summary>Waits until the page shows the download's rows (date, client) from <paramref name="skip"/> on; returns how many it shows.</summary>
    private static async Task<int> ShownWhenAsync(ILocator table, List<(string, string)> expected, int skip)
    {
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
        while ((shown.Count == 0 || !shown.SequenceEqual(expected.Skip(skip).Take(shown.Count))) && DateTime.UtcNow < deadline && await Delay());
        Assert.NotEmpty(shown);
        Assert.Equal(expected.Skip(skip).Take(shown.Count), shown);
        return shown.Count;
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }
}
