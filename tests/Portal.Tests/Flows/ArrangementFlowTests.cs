using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>The hoofdaanbieder records new support for a client and changes the terms of existing support.</summary>
public sealed class ArrangementFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task New_support_via_an_initiative_shows_the_missing_name_next_to_the_field_and_then_is_decided()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/clienten");
        await page.Locator("table a").First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe ondersteuning vastleggen" }).ClickAsync();

        await page.GetByLabel("Hoe kwam de cliënt binnen?").SelectOptionAsync(new SelectOptionValue { Label = "Rechtstreeks via een maatschappelijk initiatief" });
        await page.GetByLabel("Volume in uren").FillAsync("1,5");
        await page.GetByLabel("Geleverd via een maatschappelijk initiatief").CheckAsync();
        await page.GetByLabel("Einddatum (leeg: onbepaalde tijd)").FillAsync("2028-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag en besluit vastleggen" }).ClickAsync();

        await Assertions.Expect(page.Locator("#initiatief-fout")).ToContainTextAsync("Vul de naam van het initiatief in");
        await Assertions.Expect(page.GetByLabel("Volume in uren")).ToHaveValueAsync("1,5");

        await page.GetByLabel("Naam van het initiatief").FillAsync("Odensehuis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag en besluit vastleggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Terug naar cliënten" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".gon-arrangement", new() { HasText = "Odensehuis" }).First).ToContainTextAsync("1,5 uur");
    }
}
