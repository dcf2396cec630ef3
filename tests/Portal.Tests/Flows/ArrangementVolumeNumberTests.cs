using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// The volume of new support is read as a Dutch person means it and shown before it is saved: "1.5" dagdelen is
/// refused (it once became 15), hours show as hours and minutes, and more than 10 dagdelen a week asks first.
/// </summary>
public sealed class ArrangementVolumeNumberTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task A_volume_is_shown_as_understood_a_point_is_refused_and_an_implausible_one_asks_first()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/clienten");
        await page.Locator("table a").First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe ondersteuning vastleggen" }).ClickAsync();

        await page.GetByLabel("Volume in uren").FillAsync("1,5");
        await Assertions.Expect(page.Locator("#volume-begrepen")).ToHaveTextAsync("1,5 uur = 1 uur en 30 minuten per week");

        await page.GetByLabel("Eenheid", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "dagdeel" });
        var volume = page.GetByLabel("Volume (aantal)");
        await volume.FillAsync("1.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag en besluit vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#volume-fout")).ToContainTextAsync("Schrijf een heel getal zonder punt");
        await Assertions.Expect(volume).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(volume).ToHaveValueAsync("1.5");

        await volume.FillAsync("12");
        await Assertions.Expect(page.Locator("#volume-begrepen")).ToHaveTextAsync("Wordt opgeslagen als 12 dagdelen per week");
        await Assertions.Expect(page.Locator("#volume-controle")).ToContainTextAsync("12 dagdelen per week is hoger dan 10 dagdelen per week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag en besluit vastleggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Ja, dit klopt" })).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Terug naar cliënten" })).ToHaveCountAsync(0);

        await volume.FillAsync("4");
        await Assertions.Expect(page.Locator("#volume-begrepen")).ToHaveTextAsync("Wordt opgeslagen als 4 dagdelen per week");
        await Assertions.Expect(page.Locator("#volume-controle")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#volume-fout")).ToHaveCountAsync(0);
    }
}
