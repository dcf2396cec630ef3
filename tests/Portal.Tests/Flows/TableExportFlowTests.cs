using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// A coordinator sorts the paged client table by a column header (aria-sort says which way): the Server sorts the
/// whole list, so the next page goes on where the first stopped. Both downloads hold every client in that order, and
/// the pages on screen are exactly their first rows; the birth date is a date in both.
/// </summary>
public sealed class TableExportFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task The_client_table_sorts_across_pages_and_downloads_in_that_order_as_csv_and_excel()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/clienten");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Cliënten" });
        var birthHeader = table.GetByRole(AriaRole.Columnheader, new() { Name = "Geboortedatum" });
        var position = page.Locator(".gon-pager-position");
        await Assertions.Expect(birthHeader).ToHaveAttributeAsync("aria-sort", "none");

        await birthHeader.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(birthHeader).ToHaveAttributeAsync("aria-sort", "ascending");
        var ascending = await CsvAsync(page);
        var dates = ascending.Select(r => r.Born).ToList();
        Assert.Equal(dates.Order(), dates);
        var first = await RowsWhenAsync(table, ascending, 0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Volgende" }).ClickAsync();
        await Assertions.Expect(position).ToHaveTextAsync("Pagina 2");
        var second = await RowsWhenAsync(table, ascending, first);
        // every client of the search, more than the two pages seen
        Assert.True(ascending.Count > first + second);

        // Another order starts again at page 1; the workbook holds the same rows as the CSV.
        await birthHeader.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(birthHeader).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(position).ToHaveTextAsync("Pagina 1");
        var descending = await CsvAsync(page);
        Assert.Equal(dates.OrderDescending(), descending.Select(r => r.Born));
        Assert.Equal(ascending.Select(r => r.Name).Order(), descending.Select(r => r.Name).Order());
        await RowsWhenAsync(table, descending, 0);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "gedownload" })).ToContainTextAsync($"{descending.Count} regel");

        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("#clienten-export-xlsx").ClickAsync());
        Assert.Equal("clienten.xlsx", xlsxDownload.SuggestedFilename);
        await using var xlsxFile = File.OpenRead((await xlsxDownload.PathAsync())!); // the download has no extension on disk
        using var workbook = new XLWorkbook(xlsxFile);
        var sheet = workbook.Worksheets.First();
        Assert.Equal("Naam", sheet.Cell(1, 1).GetString());
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 2).DataType);
        Assert.Equal(descending.Select(r => (r.Name, r.Born)),
            Enumerable.Range(2, descending.Count).Select(r => (sheet.Cell(r, 1).GetString(), DateOnly.FromDateTime(sheet.Cell(r, 2).GetDateTime()))));
    }

    /// <summary>The CSV download (UTF-8 with BOM, ';'): its rows as name and birth date, with no raw id in the file.</summary>
    private static async Task<List<(string Name, DateOnly Born)>> CsvAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#clienten-export-csv").ClickAsync());
        Assert.Equal("clienten.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}", Encoding.UTF8.GetString(bytes));
        using var csv = new CsvReader(new StreamReader(new MemoryStream(bytes)), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(csv.Parser.Record!);
        }
        Assert.Equal(["Naam", "Geboortedatum", "Postcode", "Gebied"], records[0]);
        return records.Skip(1).Select(r => (r[0], DateOnly.ParseExact(r[1], "dd-MM-yyyy", CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>
    /// Waits until the table shows the download's rows from <paramref name="skip"/> on (the header and pager change
    /// as soon as they are clicked, the rows when the Server's page arrives); returns how many rows the page shows.
    /// </summary>
    private static async Task<int> RowsWhenAsync(ILocator table, List<(string Name, DateOnly Born)> all, int skip)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        List<(string, DateOnly)> rows;
        while (true)
        {
            rows = await RowsAsync(table);
            if (rows.Count > 0 && rows.SequenceEqual(all.Skip(skip).Take(rows.Count)))
            {
                return rows.Count;
            }
            if (DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(200);
        }
        Assert.Equal(all.Skip(skip).Take(rows.Count), rows); // shows the difference
        return rows.Count;
    }

    private static async Task<List<(string, DateOnly)>> RowsAsync(ILocator table)
    {
        var rows = new List<(string, DateOnly)>();
        foreach (var row in await table.Locator("tbody tr").AllAsync())
        {
            var name = (await row.Locator("th").InnerTextAsync()).Trim();
            var born = DateOnly.ParseExact((await row.Locator("td").First.InnerTextAsync()).Trim(), "dd-MM-yyyy", CultureInfo.InvariantCulture);
            rows.Add((name, born));
        }
        return rows;
    }
}
