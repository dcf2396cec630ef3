using System.Text.Json;
using System.Xml.Linq;
using GonPortal.Portal.Tests.Exports;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// The paged tables, as the person who uses them: every data column's header sorts, and a click on each one is an
/// order the Server accepts (page 1 comes back in it, no error), except the columns listed in
/// <see cref="TableCoverage.PagedColumnsWithoutSort"/> with their reason. A header wired to a field the Server does not
/// know would answer INVALID_ARGUMENT here.
/// </summary>
public sealed class PagedTableCoverageFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    /// <summary>Each paged page with the number of tables the demo data fills on it.</summary>
    public static TheoryData<string, string, int> Pages => new()
    {
        { Hoofdaanbieder, "/clienten", 1 },
        { Hoofdaanbieder, "/uren/beoordelen", 1 },
        { Hoofdaanbieder, "/verwijzingen/ontvangen", 1 },
        { Wij, "/verwijzingen", 1 },
        { Wij, "/akkoord", 1 },
        { Gemeente, "/beschikkingen", 1 },
        { Gemeente, "/audit", 1 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_header_of_a_paged_table_sorts_on_the_Server(string email, string path, int atLeast)
    {
        var page = await OpenAsSignedInAsync(email, path);
        var purpose = page.GetByLabel("Met welk doel bekijkt u deze gegevens?");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        if (await purpose.CountAsync() > 0)
        {
            await AccessibilityTests.GivePurposeAsync(page, "Controle van sorteren");
        }
        await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);

        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.querySelectorAll('table')].map(t => ({
                caption: t.caption ? t.caption.innerText.trim() : '',
                skipped: false,
                headers: t.tHead ? [...t.tHead.rows[0].cells].map(c => ({
                    text: c.innerText.replace(/[▲▼↕]/g, '').trim(),
                    sorts: !!c.querySelector('button.gon-sort__button'),
                    ariaSort: c.getAttribute('aria-sort') || '',
                })) : [],
            })))
            """);
        var tables = JsonSerializer.Deserialize<TableCoverageFlowTests.TableShape[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.True(tables.Length >= atLeast, $"{path}: {tables.Length} tables, expected at least {atLeast}");
        var unsortable = UnsortableHeaderTexts();
        foreach (var (table, index) in tables.Select((t, i) => (t, i)))
        {
            var located = page.Locator("table").Nth(index);
            foreach (var header in table.Headers.Where(h => h.Text.Length > 0 && !TableCoverage.ActionHeaders.Contains(h.Text)))
            {
                if (unsortable.Contains(header.Text))
                {
                    Assert.False(header.Sorts, $"{path}: \"{header.Text}\" sorts, so it no longer belongs in PagedColumnsWithoutSort");
                    continue;
                }
                Assert.True(header.Sorts, $"{path}, table \"{table.Caption}\": column \"{header.Text}\" has no sort button");
                var cell = located.GetByRole(AriaRole.Columnheader, new() { Name = header.Text, Exact = true });
                await cell.GetByRole(AriaRole.Button).ClickAsync();
                await Assertions.Expect(cell).ToHaveAttributeAsync("aria-sort", "ascending");
                await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);
                await Assertions.Expect(page.Locator(".utrecht-alert--error")).ToHaveCountAsync(0);
                await Assertions.Expect(located.Locator("tbody tr").First).ToBeVisibleAsync();
            }
        }
    }

    /// <summary>The Dutch header texts of the listed columns, read from the portal's texts.</summary>
    private static HashSet<string> UnsortableHeaderTexts()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GonPortal.sln")))
        {
            folder = folder.Parent;
        }
        var texts = XDocument.Load(Path.Combine(folder!.FullName, "src", "Portal", "Resources", "Texts.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
        return TableCoverage.PagedColumnsWithoutSort.Keys.Select(k => texts[k[(k.IndexOf('|') + 1)..]]).ToHashSet();
    }
}
