using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>Hours travel from the onderaannemer's week grid to the hoofdaanbieder's review queue.</summary>
public sealed class HourFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task The_onderaannemer_enters_hours_in_the_week_grid_and_the_hoofdaanbieder_approves_them()
    {
        var planner = await OpenAsSignedInAsync(Onderaannemer, "/uren/invoeren?week=2028-01-03");
        var entryKey = await EnterOneCellAsync(planner, "Stadse Zorgcombinatie", "20280105", "1,5");

        var coordinator = await OpenAsSignedInAsync(Hoofdaanbieder, "/uren/beoordelen");
        await coordinator.GetByLabel("Gemeld door").SelectOptionAsync(new SelectOptionValue { Label = "Buurtwerk De Linde" });
        await coordinator.GetByLabel("Datum vanaf").FillAsync("2028-01-05");
        await coordinator.GetByLabel("Datum tot en met").FillAsync("2028-01-05");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        var row = coordinator.Locator($"tr[data-entry-key='{entryKey}']");
        await Assertions.Expect(row).ToContainTextAsync("1,5 uur");
        await row.Locator("input[type=checkbox]").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Geselecteerde uren goedkeuren" }).ClickAsync();

        await Assertions.Expect(coordinator.GetByText("1 regel goedgekeurd.")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);

        // The planner now sees the entry as approved in the grid.
        await planner.ReloadAsync();
        await Assertions.Expect(planner.Locator("td", new() { HasText = "goedgekeurd" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_cell_the_server_rejects_is_marked_and_keeps_what_was_typed()
    {
        // 25 hours on one day is more than the Server allows for a client-day.
        var planner = await OpenAsSignedInAsync(Onderaannemer, "/uren/invoeren?week=2028-01-03");
        var cell = planner.Locator("tr", new() { HasText = "Stadse Zorgcombinatie" }).Locator("input[id$='-20280106']").First;
        await cell.FillAsync("25");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Uren versturen" }).ClickAsync();

        await Assertions.Expect(planner.GetByText("Niets van deze rij opgeslagen").First).ToBeVisibleAsync();
        await Assertions.Expect(cell).ToHaveValueAsync("25");
        await Assertions.Expect(cell).ToHaveAttributeAsync("aria-invalid", "true");
    }

    /// <summary>
    /// Types into the first free cell of the day in a row of the given hoofdaanbieder that the Server accepts
    /// (a demo arrangement may have started later or be executed by another), saves that row with its own
    /// button and returns the entry key.
    /// </summary>
    internal static async Task<string> EnterOneCellAsync(IPage page, string hoofdaanbieder, string day, string hours)
    {
        var rows = page.Locator("tbody tr", new() { HasText = hoofdaanbieder }).Filter(new() { Has = page.Locator($"input[id$='-{day}']") });
        await Assertions.Expect(rows.First).ToBeVisibleAsync(); // the grid renders after the page's first response
        var count = await rows.CountAsync();
        var reasons = new List<string>();
        for (var i = 0; i < Math.Min(count, 8); i++)
        {
            var id = await rows.Nth(i).Locator($"input[id$='-{day}']").GetAttributeAsync("id");
            var arrangementId = id!["cel-".Length..^(day.Length + 1)];
            // By arrangement, not by position: once saved, the row no longer has a free cell on the day.
            var row = page.Locator($"tr[data-arrangement='{arrangementId}']");
            await row.Locator($"#{id}").FillAsync(hours);
            await row.GetByRole(AriaRole.Button, new() { Name = "Rij opslaan" }).ClickAsync();
            var message = row.GetByRole(AriaRole.Status);
            await Assertions.Expect(message).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Opgeslagen: 1 nieuw|Niets van deze rij"));
            if ((await message.TextContentAsync())!.Contains("Opgeslagen: 1 nieuw", StringComparison.Ordinal))
            {
                return $"portaal-{arrangementId}-{day}";
            }

            reasons.Add(await page.Locator($"#{id}-fout").TextContentAsync() ?? string.Empty);
            await page.Locator($"#{id}").FillAsync(string.Empty);
        }

        throw new InvalidOperationException($"No cell on {day} for {hoofdaanbieder} was accepted ({count} tried): {string.Join(" | ", reasons)}");
    }
}
