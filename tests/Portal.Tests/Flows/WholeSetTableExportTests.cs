using System.Globalization;
using ClosedXML.Excel;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static GonPortal.Portal.Tests.Infrastructure.TableChecks;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// The last whole-set tables of issue 16 sort and download like the others: beheer's people, the PGB months and the
/// controller's year overview summary. Each is sorted by a header both ways (aria-sort, the order by the column's real
/// kind), then downloaded as CSV and Excel and read back: the rows in the order shown, amounts and counts as numbers.
/// The settlement tables are checked where a reconciliation is made, in SettlementFlowTests.
/// </summary>
public sealed class WholeSetTableExportTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [Fact]
    public async Task Beheerder_sorts_the_people_by_name_and_downloads_them_with_the_organisation_in_the_name()
    {
        var page = await OpenAsSignedInAsync(GemeenteBeheerder, "/beheer/medewerkers");
        var table = page.GetByRole(AriaRole.Table, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Medewerkers van ") });
        await Assertions.Expect(table).ToBeVisibleAsync();
        await SortBothWaysAsync(table, 1, cell => cell);
        var shown = await SortBothWaysAsync(table, 0, cell => cell);

        var csv = await DownloadCsvAsync(page, "medewerkers-export", "medewerkers-[a-z0-9-]+");
        Assert.Equal(["Naam", "E-mailadres", "Beheerder", "Status", "Uitgenodigd op", "Geactiveerd op", "Tweestapsverificatie"], csv[0]);
        Assert.Equal(shown.Select(r => r[0]), csv.Skip(1).Select(r => r[0]));
        Assert.Equal(shown.Select(r => r[1]), csv.Skip(1).Select(r => r[1]));
        Assert.Equal(shown.Select(r => r[2]), csv.Skip(1).Select(r => r[2]));
        Assert.Equal(shown.Select(r => r[4]), csv.Skip(1).Select(r => r[6]));
        Assert.All(csv.Skip(1).Zip(shown), pair => Assert.StartsWith(pair.First[3], pair.Second[3], StringComparison.OrdinalIgnoreCase));
        Assert.Contains(csv.Skip(1), r => Moment(r[5]) is not null); // the demo's beheerder has activated

        using var workbook = await DownloadXlsxAsync(page, "medewerkers-export", "medewerkers-[a-z0-9-]+");
        var sheet = workbook.Worksheets.First();
        Assert.Equal(csv[0], Header(sheet));
        Assert.Equal(shown.Select(r => r[0]), Rows(sheet).Select(r => r[0]));
        for (var i = 0; i < shown.Count; i++)
        {
            if (Moment(csv[i + 1][5]) is { } activated)
            {
                Assert.Equal(XLDataType.DateTime, sheet.Cell(i + 2, 6).DataType);
                // the file shows the minute; the workbook holds the moment itself
                Assert.InRange((sheet.Cell(i + 2, 6).GetDateTime() - activated).TotalSeconds, -1, 61);
            }
        }
    }

    [Fact]
    public async Task Beheerder_sorts_a_hoofdaanbieders_area_contracts_by_first_day_and_downloads_them_as_dates()
    {
        var page = await OpenAsSignedInAsync(GemeenteBeheerder, "/beheer/organisaties");
        // the demo's hoofdaanbieder of Centrum (organisations that other tests create have no contracts)
        const string name = "Stadse Zorgcombinatie";
        await page.Locator("table tbody tr th", new() { HasText = name }).GetByRole(AriaRole.Link).ClickAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Gebiedscontracten" });
        await Assertions.Expect(table).ToBeVisibleAsync();
        await SortBothWaysAsync(table, 0, cell => cell);
        var shown = await SortBothWaysAsync(table, 1, cell => Moment(cell));

        var csv = await DownloadCsvAsync(page, "contracten-export", "gebiedscontracten-[a-z0-9-]+");
        Assert.Equal(["Gebied", "Hoofdaanbieder", "Eerste dag", "Laatste dag"], csv[0]);
        Assert.Equal(shown.Select(r => r[0]), csv.Skip(1).Select(r => r[0]));
        Assert.All(csv.Skip(1), r => Assert.Equal(name, r[1]));
        Assert.Equal(shown.Select(r => Moment(r[1])), csv.Skip(1).Select(r => Moment(r[2])));
        Assert.Equal(shown.Select(r => Moment(r[2])), csv.Skip(1).Select(r => Moment(r[3])));

        using var workbook = await DownloadXlsxAsync(page, "contracten-export", "gebiedscontracten-[a-z0-9-]+");
        var sheet = workbook.Worksheets.First();
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 3).DataType);
        Assert.Equal(shown.Select(r => Moment(r[1])), Enumerable.Range(2, shown.Count).Select(r => (DateTime?)sheet.Cell(r, 3).GetDateTime()));
    }

    [Fact]
    public async Task Gemeente_sorts_the_pgb_months_by_count_and_downloads_them_with_area_and_year_in_the_name()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/begroting/pgb");
        var table = page.Locator("table:has(caption#pgb-maanden)");
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("caption")).ToContainTextAsync("2027");
        var shown = await SortBothWaysAsync(table, 1, cell => Number(cell));
        Assert.Equal(12, shown.Count);
        Assert.True(shown.Count(r => Number(r[1]) is not null) >= 2, "the demo has counts for Centrum 2027");
        Assert.True(Number(shown[0][1]) >= Number(shown[1][1]), "descending: the largest count first");
        await SortBothWaysAsync(table, 0, cell => MonthNumber(cell));
        shown = await CellsAsync(table);
        Assert.Equal("december", shown[0][0]);

        var csv = await DownloadCsvAsync(page, "pgb-maanden-export", "pgb-maanden-centrum-oude-wijken-2027");
        Assert.Equal(["Gebied", "Jaar", "Maand", "Aantal PGB-cliënten"], csv[0]);
        Assert.All(csv.Skip(1), r => Assert.Equal(["Centrum, Oude Wijken", "2027"], r[..2]));
        Assert.Equal(shown.Select(r => r[0]), csv.Skip(1).Select(r => r[2]));
        Assert.Equal(shown.Select(r => Number(r[1])), csv.Skip(1).Select(r => r[3].Length == 0 ? null : (decimal?)decimal.Parse(r[3], Dutch)));

        using var workbook = await DownloadXlsxAsync(page, "pgb-maanden-export", "pgb-maanden-centrum-oude-wijken-2027");
        var sheet = workbook.Worksheets.First();
        Assert.Equal(csv[0], Header(sheet));
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(shown[i][0], sheet.Cell(i + 2, 3).GetString());
            if (Number(shown[i][1]) is { } count)
            {
                Assert.Equal(XLDataType.Number, sheet.Cell(i + 2, 4).DataType);
                Assert.Equal(count, (decimal)sheet.Cell(i + 2, 4).GetDouble());
            }
            else
            {
                Assert.True(sheet.Cell(i + 2, 4).IsEmpty(), "a month without a count stays empty");
            }
        }
        Assert.Equal(2027, sheet.Cell(2, 2).GetDouble());
    }

    [Fact]
    public async Task Gemeente_sorts_the_refused_lines_of_a_pgb_file_and_downloads_them_to_correct_it()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/begroting/pgb");
        await page.GetByLabel("Soort gegevens").SelectOptionAsync(new SelectOptionValue { Label = "Tellingen per maand" });
        // all or nothing: three months that do not exist, so nothing is stored and other tests' figures stay as they are
        var file = "area_id;year;month;client_count\r\n1;2027;13;41\r\n1;2027;0;40\r\n1;2027;14;39\r\n";
        await page.Locator("#csv-bestand").SetInputFilesAsync(new FilePayload { Name = "pgb.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(file) });
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Regels die niet goed zijn" });
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(3);
        await SortBothWaysAsync(table, 2, cell => cell);
        var shown = await SortBothWaysAsync(table, 0, cell => Number(cell));
        Assert.Equal(["4", "3", "2"], shown.Select(r => r[0]));

        var csv = await DownloadCsvAsync(page, "csv-fouten-export", "pgb-import-afgewezen");
        Assert.Equal(["Regel", "Kolom", "Reden"], csv[0]);
        Assert.Equal(shown.Select(r => r.ToList()), csv.Skip(1).Select(r => r.ToList()));

        using var workbook = await DownloadXlsxAsync(page, "csv-fouten-export", "pgb-import-afgewezen");
        var sheet = workbook.Worksheets.First();
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 1).DataType);
        Assert.Equal(shown.Select(r => r.ToList()), Rows(sheet).Select(r => r.ToList()));
    }

    [Fact]
    public async Task Gemeente_sorts_the_year_parameter_versions_and_the_workbook_holds_real_percentages()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/begroting/jaarparameters");
        var table = page.Locator("table:has(caption#versies-tabel)");
        await Assertions.Expect(table).ToBeVisibleAsync();
        await SortBothWaysAsync(table, 1, cell => Moment(cell));
        var shown = await SortBothWaysAsync(table, 0, cell => Number(cell));

        var csv = await DownloadCsvAsync(page, "versies-export", "jaarparameters-2027");
        Assert.Equal(["Jaar", "Versie", "Opgeslagen op", "Winstplafond", "Referentie-uurtarief", "Referentietarief per dagdeel", "Referentietarief per etmaal",
            "PGB-dode band", "PGB-compensatiedeel", "Doel basisaandeel", "Doel initiatiefaandeel", "Sanctie per gemist doel", "Toelichting"], csv[0]);
        Assert.Equal(shown.Select(r => r[0]), csv.Skip(1).Select(r => r[1]));
        Assert.Equal(shown.Select(r => r[1]), csv.Skip(1).Select(r => r[2]));
        Assert.Equal(shown.Select(r => Money(r[3])), csv.Skip(1).Select(r => (decimal?)decimal.Parse(r[4], Dutch)));
        Assert.Equal(shown.Select(r => Number(r[2])), csv.Skip(1).Select(r => Number(r[3]))); // "3,0 %" on the page, "3%" in the file

        using var workbook = await DownloadXlsxAsync(page, "versies-export", "jaarparameters-2027");
        var sheet = workbook.Worksheets.First();
        for (var i = 0; i < shown.Count; i++)
        {
            var cap = sheet.Cell(i + 2, 4);
            Assert.Equal(XLDataType.Number, cap.DataType);
            Assert.Equal(Number(shown[i][2]) / 100m, (decimal)cap.GetDouble());
            Assert.Contains("%", cap.Style.NumberFormat.Format);
            Assert.Equal(XLDataType.DateTime, sheet.Cell(i + 2, 3).DataType);
        }
    }

    [Fact]
    public async Task Controller_sorts_the_year_overview_summary_by_lumpsum_and_downloads_that_table()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/jaaroverzicht");
        await AccessibilityTests.GivePurposeAsync(page, "Samenvatting jaaroverzicht sorteren en downloaden");
        var table = page.GetByTestId("jaaroverzicht-samenvatting");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(4, new() { Timeout = 60_000 });
        await SortBothWaysAsync(table, 0, cell => cell);
        var shown = await SortBothWaysAsync(table, 2, cell => Money(cell));
        Assert.All(shown, r => Assert.NotNull(Money(r[2]))); // every demo area has its lumpsum

        var csv = await DownloadCsvAsync(page, "samenvatting-export", "jaaroverzicht-samenvatting-2027");
        Assert.Equal(["Gebied", "Hoofdaanbieder", "Totale lumpsum", "Voorschotten betaald", "PGB-verrekening", "Kosten onderaannemers",
            "Eigen leveringskosten", "Terug te betalen"], csv[0]);
        Assert.Equal(shown.Select(r => r[0]), csv.Skip(1).Select(r => r[0]));
        Assert.Equal(shown.Select(r => r[1]), csv.Skip(1).Select(r => r[1]));
        for (var column = 2; column < 8; column++)
        {
            // an amount as a Dutch number, or the same words as the page where there is none yet
            Assert.Equal(shown.Select(r => Money(r[column])?.ToString(Dutch) ?? r[column]),
                csv.Skip(1).Select(r => decimal.TryParse(r[column], NumberStyles.Number, Dutch, out var amount) ? amount.ToString(Dutch) : r[column]));
        }

        using var workbook = await DownloadXlsxAsync(page, "samenvatting-export", "jaaroverzicht-samenvatting-2027");
        var sheet = workbook.Worksheets.First();
        Assert.Equal(csv[0], Header(sheet));
        for (var i = 0; i < shown.Count; i++)
        {
            Assert.Equal(shown[i][0], sheet.Cell(i + 2, 1).GetString());
            for (var column = 2; column < 8; column++)
            {
                var cell = sheet.Cell(i + 2, column + 1);
                if (Money(shown[i][column]) is { } amount)
                {
                    Assert.Equal(XLDataType.Number, cell.DataType);
                    Assert.Equal(amount, (decimal)cell.GetDouble());
                }
                else
                {
                    Assert.Equal(shown[i][column], cell.GetString());
                }
            }
        }
    }

    private static int? MonthNumber(string name) => Array.IndexOf(Dutch.DateTimeFormat.MonthNames, name) is var m and >= 0 ? m + 1 : null;
}
