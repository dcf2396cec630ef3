using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// A rate change (rules 1.1 §3) recorded by the hoofdaanbieder on a consented subcontract, typed as people
/// type money, and its history seen by the onderaannemer and the gemeente.
/// </summary>
public sealed class SubcontractRateFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task The_hoofdaanbieder_changes_a_rate_and_the_onderaannemer_and_the_gemeente_see_the_history()
    {
        var coordinator = await OpenAsSignedInAsync(Hoofdaanbieder, "/onderaanneming");
        var row = coordinator.Locator("tr", new() { HasText = "Buurtwerk De Linde" }).Filter(new() { HasText = "Toestemming verleend" }).First;
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Er zijn nog geen tariefwijzigingen vastgelegd.")).ToBeVisibleAsync();

        // An amount the portal cannot read is marked next to the field and nothing is sent.
        await coordinator.GetByLabel("Nieuw tarief in euro (bijvoorbeeld 64,50)").FillAsync("zeventig");
        await coordinator.GetByLabel("Ingangsdatum").FillAsync("2028-03-01");
        await coordinator.GetByLabel("Reden").FillAsync("Indexatie 2028");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Tarief vastleggen" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ja, doorgaan" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#tarief-bedrag-fout")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByLabel("Reden")).ToHaveValueAsync("Indexatie 2028");

        await coordinator.GetByLabel("Nieuw tarief in euro (bijvoorbeeld 64,50)").FillAsync("€ 71,25");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Tarief vastleggen" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ja, doorgaan" }).ClickAsync();
        var history = coordinator.GetByTestId("tariefhistorie");
        await Assertions.Expect(history).ToContainTextAsync("01-03-2028");
        await Assertions.Expect(history).ToContainTextAsync("€ 71,25");
        await Assertions.Expect(history).ToContainTextAsync("Indexatie 2028");
        await Assertions.Expect(coordinator.GetByTestId("tariefperioden")).ToContainTextAsync("29-02-2028");

        // The same date again would overlap: the Server's refusal appears next to the date.
        await coordinator.GetByLabel("Nieuw tarief in euro (bijvoorbeeld 64,50)").FillAsync("72,00");
        await coordinator.GetByLabel("Ingangsdatum").FillAsync("2028-03-01");
        await coordinator.GetByLabel("Reden").FillAsync("Nogmaals");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Tarief vastleggen" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ja, doorgaan" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#tarief-ingang-fout")).ToBeVisibleAsync();

        var delinde = await OpenAsSignedInAsync(Onderaannemer, "/onderaanneming");
        await delinde.Locator("tr", new() { HasText = "Stadse Zorgcombinatie" }).Filter(new() { HasText = "€ 71,25" }).First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(delinde.GetByTestId("tariefhistorie")).ToContainTextAsync("Indexatie 2028");
        await Assertions.Expect(delinde.GetByRole(AriaRole.Button, new() { Name = "Tarief vastleggen" })).ToHaveCountAsync(0);

        var gemeente = await OpenAsSignedInAsync(Gemeente, "/toestemming");
        await gemeente.GetByLabel("Met welk doel bekijkt u deze gegevens?").FillAsync("Controle tarieven onderaanneming");
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen en verder" }).ClickAsync();
        await gemeente.Locator("tr", new() { HasText = "Buurtwerk De Linde" }).Filter(new() { HasText = "€ 71,25" }).First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(gemeente.GetByTestId("tariefhistorie")).ToContainTextAsync("€ 71,25");
    }
}
