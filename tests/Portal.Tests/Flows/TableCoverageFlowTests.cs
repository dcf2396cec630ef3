using System.Text;
using System.Text.Json;
using GonPortal.Portal.Tests.Exports;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// Walks every page with a whole-set table, as the person who uses it, with the table filled: every table on it has a
/// sort button in each data column's header (with aria-sort) and the page offers the CSV and Excel download, unless
/// the table is one of <see cref="TableCoverage.NoSortNoExport"/> (a chart's figures, the week grid, a derivation, a
/// comparison) or <see cref="TableCoverage.ExportOnly"/> (marked data-order="berekening"). A new table on these pages
/// without sorting or a download fails here.
/// </summary>
public sealed class TableCoverageFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    /// <summary>
    /// Each page with the number of checked tables the demo data gives it. A 0 is a list the demo leaves empty (no run,
    /// revision, year report, adjustment or statement yet): its table is checked in the razor source by
    /// TableSourceCoverageTests, and the runs and a statement's lines in the browser by TableSortExportTests.
    /// </summary>
    public static TheoryData<string, string, int> Pages => new()
    {
        { Hoofdaanbieder, "/gebieden", 1 },
        { Hoofdaanbieder, "/lumpsum", 1 },
        { Hoofdaanbieder, "/dashboard", 1 },
        { Hoofdaanbieder, "/clienten", 1 },
        { Hoofdaanbieder, "/clienten/eerste", 1 },
        { Hoofdaanbieder, "/onderaanneming", 1 },
        { Hoofdaanbieder, "/onderaanneming/eerste", 1 },
        { Hoofdaanbieder, "/specificaties?jaar=2027&maand=12", 0 },
        { Hoofdaanbieder, "/specificaties/eerste", 0 },
        { Onderaannemer, "/opdrachten", 2 },
        { Onderaannemer, "/uren/invoeren?week=2028-01-03", 0 },
        { Onderaannemer, "/uren/importeren", 1 },
        { Onderaannemer, "/beheer/koppelingen", 1 },
        { Onderaannemer, "/onderaanneming", 1 },
        { Gemeente, "/begroting/index", 1 },
        { Gemeente, "/begroting/lumpsums", 1 },
        { Gemeente, "/begroting/ventiel", 0 },
        { Gemeente, "/begroting/jaarverslagen", 0 },
        { Gemeente, "/overzicht", 1 },
        { Gemeente, "/afrekening", 0 },
        { Gemeente, "/afrekening/revisies?soort=Reconciliation&gebied=1&jaar=2027", 0 },
        { Gemeente, "/conversie", 1 },
        { Gemeente, "/toestemming", 2 },
        { Gemeente, "/specificaties?jaar=2027&maand=12", 0 },
        { GemeenteBeheerder, "/beheer/organisaties", 1 },
        { GemeenteBeheerder, "/beheer/medewerkers", 1 },
        { GemeenteBeheerder, "/beheer/organisaties/eerste-hoofdaanbieder", 1 },
        { Onderaannemer, "/beheer/medewerkers", 1 },
        { Gemeente, "/begroting/pgb", 1 },
        { Gemeente, "/begroting/jaarparameters", 0 },
        { Gemeente, "/jaaroverzicht", 1 },
        { Hoofdaanbieder, "/verantwoording", 0 },
        { Gemeente, "/verantwoording", 0 },
    };

    /// <summary>The gemeente's cross-tenant pages first ask the purpose of looking.</summary>
    private static readonly HashSet<string> PurposePages =
    [
        "/begroting/jaarverslagen", "/overzicht", "/afrekening", "/afrekening/revisies?soort=Reconciliation&gebied=1&jaar=2027", "/toestemming",
        "/specificaties?jaar=2027&maand=12", "/jaaroverzicht", "/verantwoording",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_table_sorts_by_its_headers_and_the_page_downloads_it(string email, string path, int atLeast)
    {
        var page = await NewPageAsync();
        await OpenAsync(page, email, path);

        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.querySelectorAll('table')].map(t => ({
                caption: t.caption ? t.caption.innerText.trim() : '',
                skipped: !!(t.closest('figure') || t.classList.contains('gon-week-grid') || t.querySelector('caption#positie-tabel')
                    || t.querySelector('caption[id$="-keten"]') || t.dataset.testid === 'vergelijking'
                    || t.closest('section.gon-year-area') || t.dataset.order === 'berekening'),
                headers: t.tHead ? [...t.tHead.rows[0].cells].map(c => ({
                    text: c.innerText.replace(/[▲▼↕]/g, '').trim(),
                    sorts: !!c.querySelector('button.gon-sort__button'),
                    ariaSort: c.getAttribute('aria-sort') || '',
                })) : [],
            })))
            """);
        var tables = JsonSerializer.Deserialize<TableShape[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var checkedTables = tables.Where(t => !t.Skipped).ToList();
        Assert.True(checkedTables.Count >= atLeast, $"{path}: {checkedTables.Count} tables, expected at least {atLeast}");
        foreach (var table in checkedTables)
        {
            Assert.NotEmpty(table.Headers);
            foreach (var header in table.Headers.Where(h => !TableCoverage.ActionHeaders.Contains(h.Text)))
            {
                Assert.True(header.Sorts, $"{path}, table \"{table.Caption}\": column \"{header.Text}\" has no sort button");
                Assert.Contains(header.AriaSort, new[] { "none", "ascending", "descending" });
            }
        }
        if (checkedTables.Count > 0)
        {
            // a page may have other downloads too (the year overview's workbook): at least one group is a table's
            var exports = page.Locator(".gon-export").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Downloaden als CSV" }) });
            Assert.True(await exports.CountAsync() >= 1, $"{path}: a table without a download");
            await Assertions.Expect(exports.First.GetByRole(AriaRole.Button, new() { Name = "Downloaden als CSV" })).ToBeVisibleAsync();
            await Assertions.Expect(exports.First.GetByRole(AriaRole.Button, new() { Name = "Downloaden als Excel" })).ToBeVisibleAsync();
        }
    }

    public sealed record HeaderShape(string Text, bool Sorts, string AriaSort);

    public sealed record TableShape(string Caption, bool Skipped, HeaderShape[] Headers);

    /// <summary>Opens the page with its tables filled: pages behind a click are clicked to, reports are made by an upload.</summary>
    private static async Task OpenAsync(IPage page, string email, string path)
    {
        switch (path)
        {
            case "/onderaanneming/eerste":
                await SignInAsync(page, email, "/onderaanneming");
                await page.Locator("table tbody a").First.ClickAsync();
                await Assertions.Expect(page.GetByTestId("tariefperioden")).ToBeVisibleAsync();
                break;
            case "/specificaties/eerste":
                await SignInAsync(page, email, "/specificaties?jaar=2027&maand=12");
                await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);
                var statement = page.Locator("table tbody a");
                if (await statement.CountAsync() > 0)
                {
                    // without a run for December there is no statement yet: TableSortExportTests makes one and checks its lines
                    await statement.First.ClickAsync();
                    await Assertions.Expect(page.GetByTestId("specificatie")).ToBeVisibleAsync();
                }
                break;
            case "/uren/importeren":
                await SignInAsync(page, email, path);
                await page.Locator("#bestand").SetInputFilesAsync(new FilePayload
                {
                    Name = "uren.csv", MimeType = "text/csv",
                    Buffer = Encoding.UTF8.GetBytes("sleutel;cliënt;product;datum;aantal;toelichting\r\ndekking-1;Niemand Bestaat;begeleiding;04-01-2028;1,5;Onbekend\r\n"),
                });
                await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Regels die niet zijn opgeslagen" })).ToBeVisibleAsync();
                break;
            case "/beheer/organisaties/eerste-hoofdaanbieder":
                await SignInAsync(page, email, "/beheer/organisaties");
                await page.Locator("table tbody tr th", new() { HasText = "Stadse Zorgcombinatie" }).GetByRole(AriaRole.Link).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Gebiedscontracten" })).ToBeVisibleAsync();
                break;
            case "/conversie":
                await SignInAsync(page, email, path);
                // one line refused (aanvullend without a beschikking): the report shows, nothing is stored
                var csv = "bronkenmerk;bsn;voorletters;achternaam;geboortedatum;postcode;gebied;product;eenheid;soort;omvang;frequentie;startdatum;einddatum;beschikkingnummer;beschikkingsdatum\r\n"
                    + $"dekking-{Guid.NewGuid():N}"[..20] + $";{AccessSteps.ValidBsn()};K.;Smit;01-02-1970;9713 EF;2;begeleiding;uur;aanvullend;2;week;01-01-2028;;;\r\n";
                await page.Locator("#conversiebestand").SetInputFilesAsync(new FilePayload { Name = "conversie.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
                await page.GetByRole(AriaRole.Button, new() { Name = "Bestand converteren" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Ja, converteren" }).ClickAsync();
                await Assertions.Expect(page.GetByTestId("conversie-samenvatting")).ToContainTextAsync("1 geweigerd");
                break;
            default:
                await AccessibilityTests.OpenAsync(page, email, path);
                if (email == Gemeente && PurposePages.Contains(path))
                {
                    await AccessibilityTests.GivePurposeAsync(page, "Controle van sorteren en downloaden");
                }
                break;
        }
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);
    }
}
