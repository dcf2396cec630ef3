using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// The week grid saves row by row (a refused day in one row never blocks another), copies the week before,
/// and the review filters by reporter and month, shows client names and the month's total against the
/// allocation, undoes an approval and asks before rejecting. The Server's clock is 2028-01-15 (Saturday),
/// so Sunday 2028-01-16 is in the future.
/// </summary>
public sealed class HourGridAndReviewTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task A_future_day_in_one_row_does_not_keep_another_row_from_being_saved()
    {
        var planner = await OpenAsSignedInAsync(Onderaannemer, "/uren/invoeren?week=2028-01-10");
        var key = await HourFlowTests.EnterOneCellAsync(planner, "Stadse Zorgcombinatie", "20280111", "1,5");
        var arrangementId = key["portaal-".Length..^"-20280111".Length];
        var good = planner.Locator($"tr[data-arrangement='{arrangementId}']");
        var other = planner.Locator("tbody tr").Filter(new() { Has = planner.Locator("input[id$='-20280116']") })
            .Filter(new() { HasNot = planner.Locator($"#cel-{arrangementId}-20280116") }).First;

        await good.Locator("input[id$='-20280112']").FillAsync("1:30");
        var future = other.Locator("input[id$='-20280116']");
        await future.FillAsync("2");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Uren versturen" }).ClickAsync();

        await Assertions.Expect(good.GetByRole(AriaRole.Status)).ToContainTextAsync("Opgeslagen: 1 nieuw");
        await Assertions.Expect(other.GetByRole(AriaRole.Status)).ToContainTextAsync("Niets van deze rij opgeslagen: 1 vakje is niet goed.");
        await Assertions.Expect(future).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(future).ToHaveValueAsync("2");
        await Assertions.Expect(good.Locator("td[data-dag]").Nth(2)).ToContainTextAsync("1,5 uur");
        await Assertions.Expect(planner.GetByText("1 rijen opgeslagen, 1 niet")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_week_before_is_copied_into_the_open_cells_and_the_week_number_moves_the_grid()
    {
        var planner = await OpenAsSignedInAsync(Onderaannemer, "/uren/invoeren?week=2028-01-03");
        var key = await HourFlowTests.EnterOneCellAsync(planner, "Stadse Zorgcombinatie", "20280107", "1,5");
        var arrangementId = key["portaal-".Length..^"-20280107".Length];

        await planner.GetByLabel("Weeknummer").FillAsync("2");
        await planner.GetByLabel("Jaar", new() { Exact = true }).FillAsync("2028");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Naar week" }).ClickAsync();
        await Assertions.Expect(planner.GetByText("Week 2: 10-01-2028 tot en met 16-01-2028")).ToBeVisibleAsync();

        await planner.GetByRole(AriaRole.Button, new() { Name = "Vorige week overnemen" }).ClickAsync();
        await Assertions.Expect(planner.Locator($"#cel-{arrangementId}-20280114")).ToHaveValueAsync("1:30");
        await Assertions.Expect(planner.GetByText("overgenomen uit vorige week").First).ToBeVisibleAsync();

        await planner.GetByLabel("Zoeken op cliënt, product of hoofdaanbieder").FillAsync("geen-cliënt-heet-zo");
        await Assertions.Expect(planner.Locator("tbody tr")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_review_filters_by_reporter_and_month_shows_the_total_undoes_an_approval_and_asks_before_rejecting()
    {
        var planner = await OpenAsSignedInAsync(Onderaannemer, "/uren/invoeren?week=2028-01-10");
        var key = await HourFlowTests.EnterOneCellAsync(planner, "Stadse Zorgcombinatie", "20280113", "2");

        var coordinator = await OpenAsSignedInAsync(Hoofdaanbieder, "/uren/beoordelen");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Table, new() { Name = "Uren, nieuwste datum eerst" })).ToBeVisibleAsync();
        await coordinator.GetByLabel("Gemeld door").SelectOptionAsync(new SelectOptionValue { Label = "Buurtwerk De Linde" });
        await coordinator.GetByLabel("Maand", new() { Exact = true }).FillAsync("2028-01");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        var row = coordinator.Locator($"tr[data-entry-key='{key}']");
        await Assertions.Expect(row).ToContainTextAsync("2 uur");
        await Assertions.Expect(row.Locator("td").Nth(6)).ToContainTextAsync(" van ");
        await Assertions.Expect(coordinator.GetByText("voldoen aan het filter")).ToBeVisibleAsync();
        var client = (await row.Locator("td").Nth(2).Locator("a").TextContentAsync())!.Trim();
        Assert.False(string.IsNullOrWhiteSpace(client));
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}", client);

        await coordinator.GetByLabel("Gemeld door").SelectOptionAsync(new SelectOptionValue { Label = "Eigen medewerkers" });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await coordinator.GetByLabel("Gemeld door").SelectOptionAsync(new SelectOptionValue { Label = "Buurtwerk De Linde" });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();

        await row.Locator("input[type=checkbox]").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Geselecteerde uren goedkeuren" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("1 regel goedgekeurd.")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Goedkeuring van 1 regel ongedaan maken" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("ongedaan gemaakt")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("ingediend");

        await row.Locator("input[type=checkbox]").CheckAsync();
        await coordinator.GetByLabel("Reden bij afwijzen").FillAsync("Cliënt was afwezig");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Geselecteerde uren afwijzen" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("1 regel afwijzen? Een afwijzing is definitief")).ToBeVisibleAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ja, afwijzen" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("1 regel afgewezen.")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }
}
