using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// Figures that cannot mislead (issue 12 item 7): the overview draws each share against the year's configured target,
/// and the dashboard withholds a projection that would rest on fewer than three complete months and says so. The
/// reconciliation page's missing months are checked in <see cref="SettlementFlowTests"/>, before its statements run.
/// </summary>
public sealed class FiguresFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task The_overview_draws_the_initiative_share_against_the_configured_target_of_the_year()
    {
        // 2028 (the shares are counted on today, 2028-01-15): initiative target 17,5 % instead of the policy's 15 %,
        // and a reference rate per dagdeel typed as people write it.
        var page = await OpenAsSignedInAsync(Gemeente, "/begroting/jaarparameters");
        await page.GetByLabel("Jaar", new() { Exact = true }).FillAsync("2028");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "In werking voor 2028" })).ToBeVisibleAsync();
        await page.GetByLabel("Referentietarief per dagdeel (euro)").FillAsync("54,25");
        await page.GetByLabel("Referentietarief per etmaal (euro)").FillAsync("€ 1.210,50");
        await page.GetByLabel("Doel initiatiefaandeel op 31 december (%)").FillAsync("17,5");
        await page.GetByLabel("Toelichting", new() { Exact = true }).FillAsync("Raadsbesluit initiatieven 2028");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie opslaan" }).ClickAsync();
        var inForce = page.GetByTestId("parameters-in-werking");
        await Assertions.Expect(inForce).ToContainTextAsync("Raadsbesluit initiatieven 2028");
        await Assertions.Expect(inForce.Locator("dd").Filter(new() { HasText = "€ 54,25" })).ToHaveCountAsync(1);
        await Assertions.Expect(inForce.Locator("dd").Filter(new() { HasText = "€ 1.210,50" })).ToHaveCountAsync(1);
        await Assertions.Expect(inForce).ToContainTextAsync("17,5 %");

        await page.GotoAsync("overzicht");
        await page.GetByLabel("Met welk doel bekijkt u deze gegevens?").FillAsync("Doelen per gebied bekijken");
        await page.GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen en verder" }).ClickAsync();
        var initiative = page.GetByRole(AriaRole.Table, new() { Name = "Cijfers bij: Initiatiefaandeel per gebied" });
        await Assertions.Expect(initiative.Locator("tbody tr")).ToHaveCountAsync(4);
        foreach (var row in await initiative.Locator("tbody tr").AllAsync())
        {
            await Assertions.Expect(row).ToContainTextAsync("initiatiefaandeel 17,5 %");
        }
        var basis = page.GetByRole(AriaRole.Table, new() { Name = "Cijfers bij: Basisaandeel per gebied" });
        await Assertions.Expect(basis.Locator("tbody tr").First).ToContainTextAsync("basisaandeel 30,0 %");
        await Assertions.Expect(initiative).Not.ToContainTextAsync("30,0 %");
        await AccessibilityTests.AssertNoViolationsAsync(page, "overzicht met een doel per aandeel");
    }

    [Fact]
    public async Task The_dashboard_withholds_a_projection_on_fewer_than_three_complete_months_and_says_so()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/dashboard");
        await page.GetByLabel("Maand").FillAsync("2027-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        var section = page.GetByTestId("budgetpositie");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Budgetpositie Centrum, Oude Wijken tot en met februari 2027" })).ToBeVisibleAsync();
        // Two months can never carry a projection, whatever their statements.
        var withheld = section.GetByTestId("projectie-achtergehouden");
        await Assertions.Expect(withheld).ToContainTextAsync("Geen verwachting");
        await Assertions.Expect(withheld).ToContainTextAsync("minstens 3 complete maanden");
        await Assertions.Expect(section.GetByTestId("projectie")).Not.ToContainTextAsync("Verwachte kosten over het jaar");
        await Assertions.Expect(section.GetByTestId("projectie")).ToContainTextAsync("Complete maanden");
        await Assertions.Expect(section.GetByText("Nog geen verwachting")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolationsAsync(page, "dashboard zonder verwachting");
    }
}
