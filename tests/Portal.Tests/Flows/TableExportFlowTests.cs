using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// A coordinator sorts the client table by a column header (aria-sort says which way) and downloads it as CSV and as
/// Excel; both files hold the same clients as the table, with the birth date as a date.
/// </summary>
public sealed class TableExportFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task The_client_table_sorts_by_a_header_and_downloads_as_csv_and_excel()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/clienten");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Cliënten" });
        var nameHeader = table.GetByRole(AriaRole.Columnheader, new() { Name = "Naam" });
        await Assertions.Expect(nameHeader).ToHaveAttributeAsync("aria-sort", "none");

        await nameHeader.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(nameHeader).ToHaveAttributeAsync("aria-sort", "ascending");
        var ascending = await table.Locator("tbody tr th").AllInnerTextsAsync();
        Assert.Equal(ascending.Order(StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true)), ascending);

        await nameHeader.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(nameHeader).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(table.Locator("tbody tr th").First).ToHaveTextAsync(ascending[^1]);

        var shown = ascending.ToHashSet();
        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("#clienten-export-csv").ClickAsync());
        Assert.Equal("clienten.csv", csvDownload.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await csvDownload.PathAsync())!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var csv = new CsvReader(new StreamReader(new MemoryStream(bytes)), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(csv.Parser.Record!);
        }
        Assert.Equal(["Naam", "Geboortedatum", "Postcode", "Gebied"], records[0]);
        var csvNames = records.Skip(1).Select(r => r[0]).ToList();
        // the table shows one page; the file holds every client of the search, so at least the ones shown
        Assert.Superset(shown, csvNames.ToHashSet());
        Assert.All(records.Skip(1), r => Assert.Matches(@"^(\d{2}-\d{2}-\d{4})?$", r[1]));
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}", Encoding.UTF8.GetString(bytes));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "gedownload" })).ToContainTextAsync($"{csvNames.Count} regel");

        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("#clienten-export-xlsx").ClickAsync());
        Assert.Equal("clienten.xlsx", xlsxDownload.SuggestedFilename);
        await using var xlsxFile = File.OpenRead((await xlsxDownload.PathAsync())!); // the download has no extension on disk
        using var workbook = new XLWorkbook(xlsxFile);
        var sheet = workbook.Worksheets.First();
        Assert.Equal("Naam", sheet.Cell(1, 1).GetString());
        var xlsxNames = Enumerable.Range(2, csvNames.Count).Select(r => sheet.Cell(r, 1).GetString()).ToList();
        Assert.Equal(csvNames, xlsxNames);
        var withDate = Enumerable.Range(2, csvNames.Count).First(r => records[r - 1][1].Length > 0);
        Assert.Equal(XLDataType.DateTime, sheet.Cell(withDate, 2).DataType);
        Assert.Equal(records[withDate - 1][1], sheet.Cell(withDate, 2).GetDateTime().ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
    }
}
