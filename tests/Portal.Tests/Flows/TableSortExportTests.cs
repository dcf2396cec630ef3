using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static GonPortal.Portal.Tests.Infrastructure.TableChecks;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// The whole-set tables of every role sort by a header (aria-sort says which way, dates as dates, money as numbers,
/// names in Dutch order) and download as CSV and Excel holding the rows as shown, in the shown order, with money and
/// counts as real numbers in the workbook.
/// </summary>
public sealed class TableSortExportTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [Fact]
    public async Task Gemeente_sorts_the_base_lumpsums_by_amount_and_downloads_them_as_money()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/begroting/lumpsums");
        var table = page.Locator("table:has(caption#lumpsum-tabel)");
        var shown = await SortBothWaysAsync(table, 3, cell => Money(cell));
        Assert.True(shown.Count >= 2, "the demo has a base lumpsum per area contract");

        var csv = await DownloadCsvAsync(page, "lumpsums-export", "basislumpsums");
        Assert.Equal(["Gebied", "Hoofdaanbieder", "Basisjaar", "Basislumpsum", "Gewijzigd op"], csv[0]);
        Assert.Equal(shown.Count, csv.Count - 1);
        for (var i = 0; i < shown.Count; i++)
        {
            Assert.Equal(shown[i][0], csv[i + 1][0]);
            Assert.Equal(shown[i][1], csv[i + 1][1]);
            Assert.Equal(Money(shown[i][3]), csv[i + 1][3].Length == 0 ? null : decimal.Parse(csv[i + 1][3], Dutch));
        }

        using var workbook = await DownloadXlsxAsync(page, "lumpsums-export", "basislumpsums");
        var sheet = workbook.Worksheets.First();
        Assert.Equal(csv[0], Header(sheet));
        for (var i = 0; i < shown.Count; i++)
        {
            Assert.Equal(shown[i][0], sheet.Cell(i + 2, 1).GetString());
            if (Money(shown[i][3]) is { } amount)
            {
                Assert.Equal(XLDataType.Number, sheet.Cell(i + 2, 4).DataType);
                Assert.Equal(amount, (decimal)sheet.Cell(i + 2, 4).GetDouble());
                Assert.Contains("€", sheet.Cell(i + 2, 4).Style.NumberFormat.Format);
                Assert.Equal(XLDataType.Number, sheet.Cell(i + 2, 3).DataType);
            }
        }
    }

    [Fact]
    public async Task Gemeente_sorts_the_index_figures_by_year_and_the_files_hold_the_same_percentages()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/begroting/index");
        var table = page.Locator("table:has(caption#index-tabel)");
        var shown = await SortBothWaysAsync(table, 0, cell => Number(cell));
        await SortBothWaysAsync(table, 5, cell => Number(cell)); // the percentage in use, as a number
        shown = await CellsAsync(table);

        var csv = await DownloadCsvAsync(page, "index-export", "indexcijfers");
        Assert.Equal(["Jaar", "Prognose", "Bron prognose", "Definitief", "Bron definitief", "In gebruik", "Soort cijfer"], csv[0]);
        Assert.Equal(shown.Select(r => r[0]), csv.Skip(1).Select(r => r[0]));
        Assert.Equal(shown.Select(r => Text(r[1])), csv.Skip(1).Select(r => Text(r[1])));
        Assert.All(csv.Skip(1).Zip(shown), pair => Assert.StartsWith(pair.First[5], pair.Second[5]));

        using var workbook = await DownloadXlsxAsync(page, "index-export", "indexcijfers");
        var rows = Rows(workbook.Worksheets.First());
        Assert.Equal(shown.Select(r => r[0]), rows.Select(r => r[0]));
        Assert.Equal(XLDataType.Number, workbook.Worksheets.First().Cell(2, 1).DataType);
    }

    [Fact]
    public async Task Gemeente_sorts_the_area_overview_by_basis_share_after_giving_a_purpose()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/overzicht");
        await AccessibilityTests.GivePurposeAsync(page, "Overzicht naar Excel voor de controller");
        var table = page.Locator("table:has(caption#overzicht-tabel)");
        await SortBothWaysAsync(table, 0, cell => cell);
        var shown = await SortBothWaysAsync(table, 2, cell => Number(cell));

        var csv = await DownloadCsvAsync(page, "overzicht-export", "overzicht-gebieden-2027-12");
        Assert.Equal("Gebied", csv[0][0]);
        Assert.Equal(shown.Select(r => r[0]), csv.Skip(1).Select(r => r[0]));
        Assert.Equal(shown.Select(r => r[1]), csv.Skip(1).Select(r => r[1]));
        // the page shows "12,5 % (op koers)": the file has the share and its assessment in two columns
        Assert.Equal(shown.Select(r => r[2]), csv.Skip(1).Select(r => $"{r[2]} ({r[3]})"));
        Assert.Equal(shown.Select(r => r[4]), csv.Skip(1).Select(r => r[6]));

        using var workbook = await DownloadXlsxAsync(page, "overzicht-export", "overzicht-gebieden-2027-12");
        var sheet = workbook.Worksheets.First();
        Assert.Equal(csv[0], Header(sheet));
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 7).DataType);
        Assert.Equal(csv.Skip(1).Select(r => r[0]), Rows(sheet).Select(r => r[0]));
    }

    [Fact]
    public async Task Hoofdaanbieder_sorts_the_monthly_advances_by_amount_and_downloads_them_with_the_area_in_the_name()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/lumpsum");
        var table = page.Locator("table:has(caption#voorschotten-tabel)");
        await Assertions.Expect(table).ToBeVisibleAsync();
        var shown = await SortBothWaysAsync(table, 1, cell => Money(cell));
        Assert.Equal(12, shown.Count);
        await SortBothWaysAsync(table, 0, cell => Array.IndexOf(Dutch.DateTimeFormat.MonthNames, cell) is var m and >= 0 ? m : null);
        shown = await CellsAsync(table);
        Assert.Equal("december", shown[0][0]);

        var csv = await DownloadCsvAsync(page, "voorschotten-export", "voorschotten-[a-z-]+-2028");
        Assert.Equal(["Gebied", "Jaar", "Maand", "Voorschot"], csv[0]);
        Assert.Equal(shown.Select(r => r[0]), csv.Skip(1).Select(r => r[2]));
        Assert.Equal(shown.Select(r => Money(r[1])), csv.Skip(1).Select(r => (decimal?)decimal.Parse(r[3], Dutch)));

        using var workbook = await DownloadXlsxAsync(page, "voorschotten-export", "voorschotten-[a-z-]+-2028");
        var sheet = workbook.Worksheets.First();
        Assert.Equal(shown.Select(r => Money(r[1])), Enumerable.Range(2, 12).Select(r => (decimal?)(decimal)sheet.Cell(r, 4).GetDouble()));
        Assert.Equal(2028, sheet.Cell(2, 2).GetDouble());
    }

    [Fact]
    public async Task Gemeente_sorts_the_runs_and_hoofdaanbieder_the_lines_of_a_statement_whose_files_add_up_to_its_total()
    {
        // The gemeente computes December's statements (so there is one to open) and sorts the runs by when they were made.
        var gemeente = await OpenAsSignedInAsync(Gemeente, "/afrekening");
        await AccessibilityTests.GivePurposeAsync(gemeente, "Specificaties december 2027 downloaden");
        await gemeente.GetByLabel("Soort berekening").SelectOptionAsync(new SelectOptionValue { Label = "Specificaties onderaannemers (maand)" });
        await gemeente.GetByLabel("Jaar").FillAsync("2027");
        await gemeente.GetByLabel("Maand").SelectOptionAsync(new SelectOptionValue { Label = "december" });
        var runs = gemeente.Locator("table:has(caption#runs-tabel)");
        var newest = runs.Locator("tbody tr[data-run]").First;
        var before = await newest.CountAsync() > 0 ? await newest.GetAttributeAsync("data-run") : null;
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Run starten" }).ClickAsync();
        if (before is not null)
        {
            await Assertions.Expect(newest).Not.ToHaveAttributeAsync("data-run", before);
        }
        await Assertions.Expect(runs.Locator("tbody tr").First.GetByTestId("run-status")).ToHaveTextAsync("Klaar", new() { Timeout = 60_000 });
        var shownRuns = await SortBothWaysAsync(runs, 2, cell => Moment(cell));
        var runFile = await DownloadCsvAsync(gemeente, "runs-export", "afrekeningsruns");
        Assert.Equal(["Soort berekening", "Waarover", "Aangemaakt", "Gestart door", "Status", "Afgerond op"], runFile[0]);
        Assert.Equal(shownRuns.Select(r => r[2]), runFile.Skip(1).Select(r => r[2]));
        Assert.Equal(shownRuns.Select(r => r[1]), runFile.Skip(1).Select(r => r[1]));

        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/specificaties?jaar=2027&maand=12");
        await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);
        var statements = page.Locator("table:has(caption#specificaties-tabel) tbody a");
        Assert.True(await statements.CountAsync() > 0, "the demo's December 2027 has statements");
        await statements.First.ClickAsync();
        var table = page.GetByTestId("specificatie-regels");
        await Assertions.Expect(table).ToBeVisibleAsync();
        var shown = await SortBothWaysAsync(table, 5, cell => Money(cell));
        await SortBothWaysAsync(table, 0, cell => cell);
        shown = await CellsAsync(table);
        var total = Money(await page.GetByTestId("specificatie").Locator("strong").InnerTextAsync())!.Value;

        var csv = await DownloadCsvAsync(page, "regels-export", "specificatie-[a-z0-9-]+-2027-12-revisie-[0-9]+");
        Assert.Equal(["Hoofdaanbieder", "Onderaannemer", "Maand", "Revisie", "Gebied", "Product", "Eenheid", "Tarief", "Hoeveelheid", "Boekingen", "Bedrag"], csv[0]);
        Assert.Equal(shown.Select(r => r[0]), csv.Skip(1).Select(r => r[4]));
        Assert.Equal(shown.Select(r => Money(r[2])), csv.Skip(1).Select(r => (decimal?)decimal.Parse(r[7], Dutch)));
        Assert.Equal(total, csv.Skip(1).Sum(r => decimal.Parse(r[10], Dutch)));
        Assert.All(csv.Skip(1), r => Assert.Equal("december 2027", r[2]));

        using var workbook = await DownloadXlsxAsync(page, "regels-export", "specificatie-[a-z0-9-]+-2027-12-revisie-[0-9]+");
        var sheet = workbook.Worksheets.First();
        Assert.Equal(total, Enumerable.Range(2, shown.Count).Sum(r => (decimal)sheet.Cell(r, 11).GetDouble()));
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 10).DataType);
    }

    [Fact]
    public async Task Onderaannemer_sorts_its_assignments_by_client_and_downloads_every_table_of_the_page()
    {
        var page = await OpenAsSignedInAsync(Onderaannemer, "/opdrachten");
        await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);
        var table = page.Locator("table").First;
        await SortBothWaysAsync(table, 3, cell => Moment(cell)); // the period sorts by its start date
        var shown = await SortBothWaysAsync(table, 0, cell => cell);
        var all = new List<string[]>();
        foreach (var t in await page.Locator("table").AllAsync())
        {
            all.AddRange(await CellsAsync(t));
        }

        var csv = await DownloadCsvAsync(page, "opdrachten-export", "opdrachten");
        Assert.Equal(["Hoofdaanbieder", "Cliënt", "Product", "Status", "Vanaf", "Tot en met", "Volume"], csv[0]);
        Assert.Equal(all.Select(r => r[0]), csv.Skip(1).Select(r => r[1]));
        // the first table's rows come first, in the order the person sorted them
        Assert.Equal(shown.Select(r => r[0]), csv.Skip(1).Take(shown.Count).Select(r => r[1]));
        Assert.Equal(all.Select(r => r[3].Split(" – ")[0]), csv.Skip(1).Select(r => r[4]));
        Assert.Equal(all.Select(r => r[4]), csv.Skip(1).Select(r => r[6]));

        using var workbook = await DownloadXlsxAsync(page, "opdrachten-export", "opdrachten");
        var sheet = workbook.Worksheets.First();
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 5).DataType);
        Assert.Equal(csv[1][4], sheet.Cell(2, 5).GetDateTime().ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Onderaannemer_sorts_the_refused_lines_of_an_hour_import_and_downloads_them_to_correct_the_file()
    {
        var page = await OpenAsSignedInAsync(Onderaannemer, "/uren/importeren");
        var csvIn = new StringBuilder()
            .AppendLine("sleutel;cliënt;product;datum;aantal;toelichting")
            .AppendLine("tabel-b;Niemand Bestaat;begeleiding;04-01-2028;1,5;Onbekende cliënt")
            .AppendLine("tabel-a;Niemand Bestaat;begeleiding;31-02-2028;1,5;Geen echte datum")
            .AppendLine("tabel-c;Niemand Bestaat;begeleiding;05-01-2028;anderhalf;Onleesbaar aantal")
            .ToString();
        await page.Locator("#bestand").SetInputFilesAsync(new FilePayload { Name = "uren.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csvIn) });
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Regels die niet zijn opgeslagen" });
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(3);
        await SortBothWaysAsync(table, 0, cell => Number(cell));
        var shown = await SortBothWaysAsync(table, 1, cell => cell);
        Assert.Equal(["tabel-c", "tabel-b", "tabel-a"], shown.Select(r => r[1]));

        var csv = await DownloadCsvAsync(page, "afgewezen-export", "uren-import-afgewezen");
        Assert.Equal(["Regel", "Sleutel", "Reden"], csv[0]);
        Assert.Equal(shown.Select(r => r.ToList()), csv.Skip(1).Select(r => r.ToList()));

        using var workbook = await DownloadXlsxAsync(page, "afgewezen-export", "uren-import-afgewezen");
        var sheet = workbook.Worksheets.First();
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 1).DataType);
        Assert.Equal(shown.Select(r => r.ToList()), Rows(sheet).Select(r => r.ToList()));
    }

    [Fact]
    public async Task Beheerder_sorts_the_organisations_by_name_and_a_filtered_download_holds_only_that_kind()
    {
        var page = await OpenAsSignedInAsync(GemeenteBeheerder, "/beheer/organisaties");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Organisaties met hun beheerders" });
        await Assertions.Expect(table).ToBeVisibleAsync();
        await SortBothWaysAsync(table, 0, cell => cell);
        var shown = await SortBothWaysAsync(table, 1, cell => cell);
        var csv = await DownloadCsvAsync(page, "organisaties-export", "organisaties");
        Assert.Equal(shown.Select(r => r[0]), csv.Skip(1).Select(r => r[0]));
        Assert.Equal(shown.Select(r => Text(r[2])), csv.Skip(1).Select(r => Text(r[2])));

        await page.Locator("#filter-soort").SelectOptionAsync(new SelectOptionValue { Label = "hoofdaanbieder" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(shown.Count(r => r[1] == "hoofdaanbieder"));
        var filtered = await CellsAsync(table);
        using var workbook = await DownloadXlsxAsync(page, "organisaties-export", "organisaties-hoofdaanbieder");
        var rows = Rows(workbook.Worksheets.First());
        Assert.Equal(filtered.Select(r => r[0]), rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal("hoofdaanbieder", r[1]));
    }
}
