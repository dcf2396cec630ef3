using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// A subcontract proposed by the hoofdaanbieder, consented by the gemeente (who states the purpose of
/// looking), and used: support executed by the onderaannemer under it starts, and the onderaannemer
/// finds it among its assignments.
/// </summary>
public sealed class SubcontractFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task The_hoofdaanbieder_proposes_the_gemeente_consents_and_the_subcontract_is_used()
    {
        var coordinator = await OpenAsSignedInAsync(Hoofdaanbieder, "/onderaanneming/nieuw");
        await coordinator.GetByLabel("Onderaannemer").SelectOptionAsync(new SelectOptionValue { Label = "Dagbesteding Het Atelier" });
        await coordinator.GetByLabel("Product (tarief 1)").SelectOptionAsync(new SelectOptionValue { Label = "Dagbesteding" });
        await coordinator.GetByLabel("Eenheid (tarief 1)").SelectOptionAsync(new SelectOptionValue { Label = "dagdeel" });
        await coordinator.GetByLabel("Tarief in euro (tarief 1)").FillAsync("48,50");
        await coordinator.GetByLabel("Geldig vanaf").FillAsync("2028-02-01");

        // No area chosen: the Server's field violation appears next to the areas, and nothing typed is lost.
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Voorstellen", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#gebieden-fout")).ToContainTextAsync("Kies een of meer gebieden");
        await Assertions.Expect(coordinator.GetByLabel("Tarief in euro (tarief 1)")).ToHaveValueAsync("48,50");

        await coordinator.GetByLabel("Centrum, Oude Wijken").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Voorstellen", Exact = true }).ClickAsync();
        await Assertions.Expect(Heading(coordinator, "Onderaanneming")).ToBeVisibleAsync();
        var proposed = coordinator.Locator("tr", new() { HasText = "Dagbesteding Het Atelier" }).Filter(new() { HasText = "Voorgesteld" });
        await Assertions.Expect(proposed.First).ToContainTextAsync("€ 48,50");

        var gemeente = await OpenAsSignedInAsync(Gemeente, "/toestemming");
        await gemeente.GetByLabel("Met welk doel bekijkt u deze gegevens?").FillAsync("Toestemming onderaanneming Atelier");
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen en verder" }).ClickAsync();
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Beoordelen Dagbesteding Het Atelier, Stadse Zorgcombinatie" }).First.ClickAsync();
        await gemeente.GetByLabel("Kenmerk van de schriftelijke toestemming (optioneel)").FillAsync("GRO-2028-001");
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Toestemming geven" }).ClickAsync();
        await Assertions.Expect(gemeente.GetByText("Toestemming gegeven voor Dagbesteding Het Atelier bij Stadse Zorgcombinatie.")).ToBeVisibleAsync();

        // The consent and the purpose are in the audit trail.
        await gemeente.GetByRole(AriaRole.Link, new() { Name = "Audittrail" }).ClickAsync();
        await Assertions.Expect(gemeente.Locator("tr", new() { HasText = "Toestemming gegeven voor onderaanneming" }).First).ToContainTextAsync("Toestemming onderaanneming Atelier");

        await coordinator.ReloadAsync();
        var consented = coordinator.Locator("tr", new() { HasText = "Dagbesteding Het Atelier" }).Filter(new() { HasText = "€ 48,50" });
        await Assertions.Expect(consented.First).ToContainTextAsync("Toestemming verleend");

        // Used: dagbesteding for a client of Centrum, executed by Het Atelier under the new subcontract.
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Cliënten", Exact = true }).ClickAsync();
        await coordinator.GetByLabel("Gebied").SelectOptionAsync(new SelectOptionValue { Label = "Centrum, Oude Wijken" });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();
        // The filtered list replaces the full one: wait until no client of West is left before choosing one.
        await Assertions.Expect(coordinator.Locator("tbody tr:has(td:text-is('West'))")).ToHaveCountAsync(0);
        await coordinator.Locator("tbody tr:has(td:text-is('Centrum, Oude Wijken'))").First.Locator("a").ClickAsync();
        var newSupport = coordinator.GetByRole(AriaRole.Link, new() { Name = "Nieuwe ondersteuning vastleggen" });
        await Assertions.Expect(newSupport).ToBeVisibleAsync();
        var clientName = (await coordinator.Locator("h1").InnerTextAsync()).Trim();
        await newSupport.ClickAsync();
        await coordinator.GetByLabel("Hoe kwam de cliënt binnen?").SelectOptionAsync(new SelectOptionValue { Label = "Rechtstreeks via een maatschappelijk initiatief" });
        await coordinator.GetByLabel("Product", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Dagbesteding" });
        await coordinator.GetByLabel("Eenheid", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "dagdeel" });
        await coordinator.GetByLabel("Volume (aantal)").FillAsync("4");
        await coordinator.GetByLabel("Uitvoerder").SelectOptionAsync(new SelectOptionValue { Label = "Onderaannemer" });
        var option = coordinator.Locator("#onderaanneming option", new() { HasText = "Dagbesteding Het Atelier" }).First;
        await coordinator.Locator("#onderaanneming").SelectOptionAsync(await option.GetAttributeAsync("value") ?? "");
        await coordinator.GetByLabel("Geleverd via een maatschappelijk initiatief").CheckAsync();
        await coordinator.GetByLabel("Naam van het initiatief").FillAsync("Odensehuis");
        await coordinator.GetByLabel("Startdatum").FillAsync("2028-02-01");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Aanvraag en besluit vastleggen" }).ClickAsync();

        var support = coordinator.Locator(".gon-arrangement", new() { HasText = "Dagbesteding Het Atelier" }).First;
        await Assertions.Expect(support).ToContainTextAsync("Besloten");
        await support.GetByRole(AriaRole.Button, new() { Name = "Start van de zorg vastleggen" }).ClickAsync();
        await Assertions.Expect(support).ToContainTextAsync("Lopend");

        var atelier = await OpenAsSignedInAsync("planner@atelier.demo", "/opdrachten");
        var assignment = atelier.Locator("tr", new() { HasText = clientName });
        await Assertions.Expect(assignment.First).ToContainTextAsync("Dagbesteding");
        await Assertions.Expect(assignment.First).ToContainTextAsync("Lopend");
    }
}
