using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// The gemeente's controller opens the year overview of 2027 (after giving the purpose), sees the four areas with their
/// figures in Dutch money format, without ids or symbols of the settlement rules, downloads the workbook and finds a
/// summary sheet and a sheet per area whose cells hold the page's figures as numbers.
/// </summary>
public sealed partial class YearOverviewFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly string[] AreaNames = ["Centrum, Oude Wijken", "West", "Oost en Ten Boer", "Zuid en Haren"];

    [Fact]
    public async Task The_controller_sees_every_area_of_the_year_and_downloads_the_same_figures_as_a_workbook()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/jaaroverzicht");
        await page.GetByLabel("Met welk doel bekijkt u deze gegevens?").FillAsync("Jaarafsluiting 2027 controleren");
        await page.GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen en verder" }).ClickAsync();

        foreach (var name in AreaNames)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{name} in 2027" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }
        var summary = page.GetByTestId("jaaroverzicht-samenvatting");
        await Assertions.Expect(summary.Locator("tbody tr")).ToHaveCountAsync(4);
        foreach (var row in await summary.Locator("tbody tr").AllAsync())
        {
            // Total lumpsum and advances paid: every demo area has a computed lumpsum, all of it paid once 2027 has ended.
            var cells = await row.Locator("td").AllInnerTextsAsync();
            Assert.Matches(MoneyPattern(), cells[1]);
            Assert.Equal(cells[1], cells[2]);
        }

        var main = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(GuidPattern(), main);
        Assert.DoesNotMatch(@"\bLtot\b|σ|δ|\bMs\b", main);
        // Each holder shows its reconciliation, or says plainly that there is none yet.
        for (var area = 1; area <= 4; area++)
        {
            var section = page.GetByTestId($"gebied-{area}");
            var reconciliations = await section.GetByTestId($"gebied-{area}-afrekening1").CountAsync();
            var notYet = await section.GetByText("Nog geen afrekening").CountAsync();
            Assert.Equal(1, reconciliations + notYet);
        }

        var page1 = await TableAsync(page, "gebied-1-cijfers");
        Assert.Equal("Totale lumpsum", page1[0].Label);
        Assert.Matches(MoneyPattern(), page1[0].Value);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#jaaroverzicht-xlsx").ClickAsync());
        Assert.Equal("jaaroverzicht-2027.xlsx", download.SuggestedFilename);
        await using var file = File.OpenRead((await download.PathAsync())!);
        using var workbook = new XLWorkbook(file);
        Assert.Equal(["Overzicht", .. AreaNames], workbook.Worksheets.Select(w => w.Name));

        // The summary sheet: one row per area under its header, the lumpsum as a number in euros.
        var overview = workbook.Worksheet("Overzicht");
        Assert.Equal("Jaaroverzicht 2027", overview.Cell(1, 1).GetString());
        Assert.Equal("Gebied", overview.Cell(3, 1).GetString());
        var summaryRows = await summary.Locator("tbody tr").AllAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(AreaNames[i], overview.Cell(4 + i, 1).GetString());
            Assert.Equal(await summaryRows[i].Locator("td").Nth(0).InnerTextAsync(), overview.Cell(4 + i, 2).GetString());
            Assert.Equal(XLDataType.Number, overview.Cell(4 + i, 3).DataType);
            Assert.Equal(await summaryRows[i].Locator("td").Nth(1).InnerTextAsync(), Money(overview.Cell(4 + i, 3)));
        }

        // Each area's sheet holds the lines of its tables on the page: the same labels, amounts as numbers.
        for (var area = 1; area <= 4; area++)
        {
            var sheet = workbook.Worksheet(AreaNames[area - 1]);
            var section = page.GetByTestId($"gebied-{area}");
            var lastRow = 0; // labels such as "Revisie" repeat per table: match them in the page's order
            foreach (var id in await section.Locator("table").EvaluateAllAsync<string[]>("ts => ts.map(t => t.dataset.testid)"))
            {
                foreach (var (label, value) in await TableAsync(page, id))
                {
                    // a table's bold heading can carry the same word as a line ("Afrekening" above "Afrekening | revisie 1"): lines only
                    var labelCell = sheet.Column(1).CellsUsed().FirstOrDefault(c => c.Address.RowNumber > lastRow && c.GetString() == label && !c.Style.Font.Bold);
                    Assert.True(labelCell is not null, $"{AreaNames[area - 1]}: no line '{label}' in the workbook after row {lastRow}");
                    lastRow = labelCell.Address.RowNumber;
                    var cell = labelCell.CellRight();
                    if (MoneyPattern().IsMatch(value))
                    {
                        Assert.Equal(XLDataType.Number, cell.DataType);
                        Assert.Equal(value, Money(cell));
                    }
                    else
                    {
                        Assert.Equal(value, cell.DataType == XLDataType.Number ? ((long)cell.GetDouble()).ToString("#,0", Dutch) : cell.GetString());
                    }
                }
            }
        }
    }

    private static async Task<List<(string Label, string Value)>> TableAsync(IPage page, string testId)
    {
        var rows = new List<(string, string)>();
        foreach (var row in await page.GetByTestId(testId).Locator("tbody tr").AllAsync())
        {
            rows.Add((await row.Locator("th").InnerTextAsync(), await row.Locator("td").InnerTextAsync()));
        }
        return rows;
    }

    /// <summary>A workbook amount in the page's format: € 1.234,56.</summary>
    private static string Money(IXLCell cell) => "€ " + ((decimal)cell.GetDouble()).ToString("#,0.00", Dutch);

    [GeneratedRegex(@"^€ -?\d{1,3}(\.\d{3})*,\d{2}$")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}")]
    private static partial Regex GuidPattern();
}
