using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static GonPortal.Portal.Tests.Infrastructure.TableChecks;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// From hours to money: an onderaannemer enters hours, the hoofdaanbieder approves them, the gemeente runs the
/// monthly statements, and the statement with its amount appears for the hoofdaanbieder, the onderaannemer and
/// in the gemeente's overview, next to the revision before the hours.
/// </summary>
public sealed class SettlementFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    private const string Pair = "Buurtwerk De Linde";

    [Fact]
    public async Task Approved_hours_end_up_in_the_monthly_statement_for_all_three_roles()
    {
        var gemeente = await OpenAsSignedInAsync(Gemeente, "/afrekening");
        await GivePurposeAsync(gemeente, "Maandafrekening december 2027");

        // The statements of December 2027 before the new hours: revision 1.
        await RunDecemberStatementsAsync(gemeente);

        var planner = await OpenAsSignedInAsync(Onderaannemer, "/uren/invoeren?week=2027-12-27");
        var entryKey = await HourFlowTests.EnterOneCellAsync(planner, "Stadse Zorgcombinatie", "20271229", "2");

        var coordinator = await OpenAsSignedInAsync(Hoofdaanbieder, "/uren/beoordelen");
        await coordinator.GetByLabel("Gemeld door").SelectOptionAsync(new SelectOptionValue { Label = Pair });
        await coordinator.GetByLabel("Datum vanaf").FillAsync("2027-12-29");
        await coordinator.GetByLabel("Datum tot en met").FillAsync("2027-12-29");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        var entry = coordinator.Locator($"tr[data-entry-key='{entryKey}']");
        await entry.Locator("input[type=checkbox]").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Geselecteerde uren goedkeuren" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("1 regel goedgekeurd.")).ToBeVisibleAsync();

        // The run again: the changed statement becomes revision 2.
        await RunDecemberStatementsAsync(gemeente);

        // The hoofdaanbieder sees the statement with its amount, next to the revision before.
        await coordinator.GotoAsync("specificaties?jaar=2027&maand=12");
        var owed = coordinator.Locator("tbody tr", new() { HasText = Pair }).Filter(new() { HasText = "Stadse Zorgcombinatie" })
            .Filter(new() { Has = coordinator.Locator("td:nth-child(5)", new() { HasTextString = "2" }) });
        await Assertions.Expect(owed).ToHaveCountAsync(1);
        var amount = (await owed.Locator("td").Nth(2).TextContentAsync())!.Trim();
        Assert.StartsWith("€ ", amount);
        await owed.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("specificatie")).ToContainTextAsync(amount);
        await Assertions.Expect(coordinator.GetByTestId("specificatie-regels")).ToContainTextAsync(amount);
        var comparison = coordinator.GetByTestId("vergelijking");
        await Assertions.Expect(comparison.Locator("tr.gon-changed", new() { HasText = "Totaal" })).ToContainTextAsync(amount);
        await Assertions.Expect(comparison.Locator("tr.gon-changed", new() { HasText = "Totaal" })).ToContainTextAsync("gewijzigd");
        await AccessibilityTests.AssertNoViolationsAsync(coordinator, "specificatie met vorige revisie");

        // The onderaannemer sees the same statement and amount.
        await planner.GotoAsync("specificaties?jaar=2027&maand=12");
        var earned = planner.Locator("tbody tr", new() { HasText = "Stadse Zorgcombinatie" }).Filter(new() { HasText = amount });
        await Assertions.Expect(earned).ToHaveCountAsync(1);
        await earned.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(planner.GetByTestId("specificatie")).ToContainTextAsync(amount);

        // And the gemeente in its overview of the month.
        await gemeente.GetByRole(AriaRole.Link, new() { Name = "Specificaties", Exact = true }).ClickAsync();
        await gemeente.GetByLabel("Jaar").FillAsync("2027");
        await gemeente.GetByLabel("Maand").SelectOptionAsync(new SelectOptionValue { Label = "december" });
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        var overview = gemeente.Locator("tbody tr", new() { HasText = Pair }).Filter(new() { HasText = "Stadse Zorgcombinatie" }).Filter(new() { HasText = amount });
        await Assertions.Expect(overview).ToHaveCountAsync(1);
        await AccessibilityTests.AssertNoViolationsAsync(gemeente, "specificaties van de gemeente");
    }

    [Fact]
    public async Task A_run_whose_preconditions_fail_says_why_and_a_reconciliation_shows_every_figure()
    {
        var gemeente = await OpenAsSignedInAsync(Gemeente, "/afrekening");
        await GivePurposeAsync(gemeente, "Jaarafrekening 2027 controleren");

        // A month that has not ended is refused at once, with the Server's reason.
        await gemeente.GetByLabel("Soort berekening").SelectOptionAsync(new SelectOptionValue { Label = "Specificaties onderaannemers (maand)" });
        await gemeente.GetByLabel("Jaar").FillAsync("2028");
        await gemeente.GetByLabel("Maand").SelectOptionAsync(new SelectOptionValue { Label = "maart" });
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Run starten" }).ClickAsync();
        await Assertions.Expect(gemeente.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(gemeente.GetByLabel("Jaar")).ToHaveValueAsync("2028");

        // Final PGB of Oost en Ten Boer 2027 (all inputs seeded), then its revisions page.
        await StartAsync(gemeente, "Definitieve PGB-verrekening", "Oost en Ten Boer", "2027");
        await gemeente.Locator("tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(gemeente.GetByTestId("vergelijking")).ToContainTextAsync("PGB-bedrag");
        await AccessibilityTests.AssertNoViolationsAsync(gemeente, "revisies naast elkaar");
    }

    [Fact]
    public async Task The_hoofdaanbieder_sees_the_reconciliation_with_every_intermediate_figure()
    {
        var coordinator = await OpenAsSignedInAsync(Hoofdaanbieder, "/jaarverslag");
        await coordinator.GetByLabel("Gebied").SelectOptionAsync(new SelectOptionValue { Label = "Centrum, Oude Wijken" });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await coordinator.GetByLabel("Eigen leveringskosten (euro)").FillAsync("2.500.000,00");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Jaarverslag indienen" }).Or(coordinator.GetByRole(AriaRole.Button, new() { Name = "Jaarverslag vervangen" })).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Het jaarverslag is opgeslagen.")).ToBeVisibleAsync();

        // Before any run the page says which months lack statements (rules 1.1 §4), with the onderaannemer by name: the
        // demo's De Linde works in Centrum all year and no test runs January's statements before this one.
        await coordinator.GotoAsync("verantwoording");
        await ShowCentrum2027Async(coordinator);
        var missing = coordinator.GetByTestId("ontbrekende-maanden");
        await Assertions.Expect(missing.Locator("tr", new() { HasText = "januari 2027" })).ToContainTextAsync("Nog geen maandspecificatie gemaakt");
        await Assertions.Expect(missing.Locator("tr", new() { HasText = "januari 2027" })).ToContainTextAsync("Buurtwerk De Linde");
        await Assertions.Expect(coordinator.GetByTestId("specificaties-ontbreken")).ToContainTextAsync("maanden is de specificatie niet compleet");
        // The missing months sort by month (as dates, not as words) and download, to chase the onderaannemers.
        await SortBothWaysAsync(missing, 2, cell => cell);
        var shownMissing = await SortBothWaysAsync(missing, 0, cell => MonthOf(cell));
        var missingFile = await DownloadCsvAsync(coordinator, "ontbrekend-export", "ontbrekende-specificaties-centrum-oude-wijken-2027");
        Assert.Equal(["Jaar", "Maand", "Wat ontbreekt", "Onderaannemers"], missingFile[0]);
        Assert.Equal(shownMissing.Select(r => r[0]), missingFile.Skip(1).Select(r => $"{r[1]} {r[0]}"));
        Assert.Equal(shownMissing.Select(r => r[2]), missingFile.Skip(1).Select(r => r[3]));
        await AccessibilityTests.AssertNoViolationsAsync(coordinator, "verantwoording met ontbrekende specificaties");

        var gemeente = await OpenAsSignedInAsync(Gemeente, "/afrekening");
        await GivePurposeAsync(gemeente, "Jaarafrekening Centrum 2027");
        for (var month = 1; month <= 12; month++)
        {
            await gemeente.GetByLabel("Soort berekening").SelectOptionAsync(new SelectOptionValue { Label = "Specificaties onderaannemers (maand)" });
            await gemeente.GetByLabel("Jaar").FillAsync("2027");
            await gemeente.GetByLabel("Maand").SelectOptionAsync(new SelectOptionValue { Label = new DateTime(2027, month, 1).ToString("MMMM", new System.Globalization.CultureInfo("nl-NL")) });
            await StartAndFollowAsync(gemeente);
        }
        await StartAsync(gemeente, "Definitieve PGB-verrekening", "Centrum, Oude Wijken", "2027");
        await StartAsync(gemeente, "Jaarlijkse verantwoording", "Centrum, Oude Wijken", "2027");

        await coordinator.GotoAsync("verantwoording");
        await ShowCentrum2027Async(coordinator);
        await Assertions.Expect(coordinator.GetByTestId("specificaties-ok")).ToContainTextAsync("alle 12 afgelopen maanden zijn compleet");
        var figures = coordinator.GetByTestId("tussenresultaten");
        foreach (var label in new[] { "Opbrengst (totale lumpsum plus PGB-verrekening)", "Totale lumpsum", "Kosten onderaannemers", "Eigen leveringskosten (jaarverslag)", "Kosten (onderaannemers plus eigen levering)",
            "Resultaat (opbrengst min kosten)", "Toegestane winst", "Niet-geleverde uren", "Bedrag personeelstekort (niet-geleverde uren maal referentie-uurtarief)", "Terugvordering personeelstekort",
            "Overwinst", "Basisaandeel", "Initiatiefaandeel", "Sancties samen", "Terug te betalen (terugvordering personeelstekort, overwinst en sancties)" })
        {
            await Assertions.Expect(figures.Locator("tr", new() { HasText = label }).First).ToBeVisibleAsync();
        }

        await Assertions.Expect(figures.Locator("tr", new() { HasText = "Eigen leveringskosten (jaarverslag)" })).ToContainTextAsync("€ 2.500.000,00");
        await Assertions.Expect(coordinator.GetByTestId("pgb-figuren")).ToContainTextAsync("PGB-bedrag");

        // The statements behind S sort by amount and download; their amounts add up to S. The figures download in the
        // order of the calculation (they do not sort), each money figure as an amount in the workbook.
        var used = coordinator.Locator("table:has(caption#gebruikt-titel)");
        var shownUsed = await SortBothWaysAsync(used, 3, cell => Money(cell));
        var usedFile = await DownloadCsvAsync(coordinator, "gebruikt-export", "specificaties-afrekening-centrum-oude-wijken-2027");
        Assert.Equal(["Jaar", "Maand", "Onderaanneming", "Revisie", "Bedrag voor dit gebied"], usedFile[0]);
        Assert.Equal(shownUsed.Select(r => Money(r[3])), usedFile.Skip(1).Select(r => (decimal?)decimal.Parse(r[4], Dutch)));
        Assert.Equal(shownUsed.Select(r => r[0]), usedFile.Skip(1).Select(r => $"{r[1]} {r[0]}"));
        var subcontractorCosts = Money(await figures.Locator("tr", new() { HasText = "Kosten onderaannemers" }).Locator("td").Last.InnerTextAsync());
        Assert.Equal(subcontractorCosts, usedFile.Skip(1).Sum(r => decimal.Parse(r[4], Dutch)));
        var shownFigures = await CellsAsync(figures);
        using (var workbook = await DownloadXlsxAsync(coordinator, "tussenresultaten-export", "afrekening-centrum-oude-wijken-2027-revisie-[0-9]+"))
        {
            var sheet = workbook.Worksheets.First();
            Assert.Equal(["Figuur", "Symbool", "Bedrag", "Waarde"], Header(sheet));
            for (var i = 0; i < shownFigures.Count; i++)
            {
                Assert.Equal(shownFigures[i][0], sheet.Cell(i + 2, 1).GetString());
                Assert.Equal(shownFigures[i][2], System.Text.RegularExpressions.Regex.Replace(sheet.Cell(i + 2, 4).GetString(), @"\s+", " ").Trim());
                Assert.Equal(Money(shownFigures[i][2]), sheet.Cell(i + 2, 3).IsEmpty() ? null : (decimal)sheet.Cell(i + 2, 3).GetDouble());
            }
        }

        // The arrangements behind U (the demo allocates more than is delivered) sort by their exact hours and download.
        await coordinator.Locator("details.gon-history summary").ClickAsync();
        var shortage = coordinator.Locator("table:has(caption#tekort-titel)");
        await SortBothWaysAsync(shortage, 0, cell => cell);
        var shownShortage = await SortBothWaysAsync(shortage, 4, cell => ExactValue(cell));
        var shortageFile = await DownloadCsvAsync(coordinator, "tekort-export", "personeelstekort-centrum-oude-wijken-2027");
        Assert.Equal(["Cliënt", "Product", "Toegewezen uren", "Geleverde uren", "Niet-geleverde uren", "Niet-geleverde uren (exact)"], shortageFile[0]);
        // the name on the page is a link that also says where it goes (for a screen reader); the file has the name
        Assert.All(shortageFile.Skip(1).Zip(shownShortage), pair => Assert.StartsWith(pair.First[0], pair.Second[0]));
        Assert.Equal(shownShortage.Count, shortageFile.Count - 1);
        Assert.Equal(shownShortage.Select(r => r[4]), shortageFile.Skip(1).Select(r => r[5]));
        // the file's hours are the page's to the minute
        Assert.All(shortageFile.Skip(1).Zip(shownShortage), pair => Assert.InRange(decimal.Parse(pair.First[4], Dutch) - ExactValue(pair.Second[4]), -0.01m, 0.01m));

        // The same reconciliation as a PDF for a controller: every figure of the page with its name, and the PGB figures.
        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Button, new() { Name = "Download PDF" }).ClickAsync());
        Assert.StartsWith("verantwoording-2027-centrum-oude-wijken-revisie-", download.SuggestedFilename);
        var pdf = GonPortal.Portal.Tests.Documents.DocumentTexts.Read(await File.ReadAllBytesAsync((await download.PathAsync())!));
        foreach (var table in new[] { figures, coordinator.GetByTestId("pgb-figuren") })
        {
            foreach (var row in await table.Locator("tbody tr").AllAsync())
            {
                var label = (await row.Locator("th").TextContentAsync())!.Trim();
                var value = (await row.Locator("td").Last.TextContentAsync())!.Trim();
                GonPortal.Portal.Tests.Documents.DocumentTexts.Shows(pdf, label + value);
            }
        }

        GonPortal.Portal.Tests.Documents.DocumentTexts.Shows(pdf, "Hoofdaanbieder (betaler)Stadse Zorgcombinatie");
        await AccessibilityTests.AssertNoViolationsAsync(coordinator, "verantwoording met alle figuren");
        await AccessibilityTests.AssertNoViolationsAsync(gemeente, "runs met voortgang en uitkomst");
    }

    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"maart 2027" as its month number.</summary>
    private static int? MonthOf(string cell) => Array.IndexOf(Dutch.DateTimeFormat.MonthNames, cell.Split(' ')[0]) is var m and >= 0 ? m + 1 : null;

    /// <summary>Exact hours as shown ("12" or "-3/7 (≈ -0,4286)") as a number.</summary>
    private static decimal ExactValue(string cell) =>
        decimal.Parse(cell.Contains('≈') ? cell[(cell.IndexOf('≈') + 1)..].Trim(' ', ')') : cell, Dutch);

    private static async Task ShowCentrum2027Async(IPage coordinator)
    {
        await coordinator.GetByLabel("Gebied").SelectOptionAsync(new SelectOptionValue { Label = "Centrum, Oude Wijken" });
        await coordinator.GetByLabel("Jaar", new() { Exact = true }).FillAsync("2027");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
    }

    private static async Task GivePurposeAsync(IPage page, string purpose)
    {
        await page.GetByLabel("Met welk doel bekijkt u deze gegevens?").FillAsync(purpose);
        await page.GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen en verder" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("doel")).ToBeVisibleAsync();
    }

    private static async Task RunDecemberStatementsAsync(IPage gemeente)
    {
        await gemeente.GetByLabel("Soort berekening").SelectOptionAsync(new SelectOptionValue { Label = "Specificaties onderaannemers (maand)" });
        await gemeente.GetByLabel("Jaar").FillAsync("2027");
        await gemeente.GetByLabel("Maand").SelectOptionAsync(new SelectOptionValue { Label = "december" });
        await StartAndFollowAsync(gemeente);
    }

    private static async Task StartAsync(IPage gemeente, string kind, string area, string year)
    {
        await gemeente.GetByLabel("Soort berekening").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await gemeente.GetByLabel("Gebied").SelectOptionAsync(new SelectOptionValue { Label = area });
        await gemeente.GetByLabel("Jaar").FillAsync(year);
        await StartAndFollowAsync(gemeente);
    }

    /// <summary>Starts the run and follows the new top row of the list (refreshed by the page) until it is done.</summary>
    private static async Task StartAndFollowAsync(IPage gemeente)
    {
        var rows = gemeente.Locator("tbody tr[data-run]");
        var before = await rows.CountAsync() > 0 ? await rows.First.GetAttributeAsync("data-run") : null;
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Run starten" }).ClickAsync();
        if (before is not null)
        {
            await Assertions.Expect(rows.First).Not.ToHaveAttributeAsync("data-run", before);
        }

        var status = rows.First.GetByTestId("run-status");
        await Assertions.Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Klaar|Mislukt"), new() { Timeout = 60_000 });
        Assert.True(await status.TextContentAsync() == "Klaar", await rows.First.TextContentAsync());
    }
}
