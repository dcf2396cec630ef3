using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// A rate typed for a subcontract is what the gemeente is asked to consent to: "64,50" is € 64,50 per uur, "64.50"
/// is refused with how to write it (and nothing is proposed), an implausible € 300 per uur is only proposed after
/// "Ja, dit klopt", and withdrawing a proposal asks first.
/// </summary>
public sealed class SubcontractNumberTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    private const string Noorderlicht = "Begeleiding Noorderlicht";

    [Fact]
    public async Task A_rate_typed_as_64_comma_50_is_shown_as_understood_and_reaches_the_consent_page_as_typed()
    {
        var coordinator = await StartProposalAsync("2028-03-01");
        var rate = coordinator.GetByLabel("Tarief in euro (tarief 1)");
        await rate.FillAsync("64,50");
        await Assertions.Expect(coordinator.Locator("#tarief-0-begrepen")).ToHaveTextAsync("Wordt opgeslagen als € 64,50 per uur");
        await Assertions.Expect(rate).ToHaveAttributeAsync("aria-describedby", "tarief-0-begrepen");
        await Propose(coordinator).ClickAsync();
        await Assertions.Expect(Heading(coordinator, "Onderaanneming")).ToBeVisibleAsync();

        var gemeente = await OpenAsSignedInAsync(Gemeente, "/toestemming");
        await gemeente.GetByLabel("Met welk doel bekijkt u deze gegevens?").FillAsync("Tarief onderaanneming Noorderlicht nagaan");
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen en verder" }).ClickAsync();
        var row = gemeente.Locator("tr", new() { HasText = Noorderlicht }).Filter(new() { HasText = "01-03-2028" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Begeleiding: € 64,50 / uur");
    }

    [Fact]
    public async Task A_rate_typed_with_a_point_is_refused_with_how_to_write_it_and_nothing_is_proposed()
    {
        var coordinator = await StartProposalAsync("2028-04-01");
        var rate = coordinator.GetByLabel("Tarief in euro (tarief 1)");
        await rate.FillAsync("64.50");
        await Propose(coordinator).ClickAsync();

        var error = coordinator.Locator("#tarief-0-fout");
        await Assertions.Expect(error).ToContainTextAsync("Schrijf bedragen met een komma: 64,50");
        await Assertions.Expect(rate).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(rate).ToHaveAttributeAsync("aria-describedby", "tarief-0-fout");
        await Assertions.Expect(rate).ToHaveValueAsync("64.50");
        await Assertions.Expect(coordinator.Locator("#tarief-0-begrepen")).ToHaveCountAsync(0);

        // Still the proposal form, and the list holds no proposal from 1 April.
        await Assertions.Expect(Heading(coordinator, "Onderaanneming voorstellen")).ToBeVisibleAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Annuleren" }).ClickAsync();
        await Assertions.Expect(Heading(coordinator, "Onderaanneming")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Locator("tr", new() { HasText = Noorderlicht }).Filter(new() { HasText = "01-04-2028" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_implausible_rate_is_proposed_only_after_the_person_confirms_it()
    {
        var coordinator = await StartProposalAsync("2028-05-01");
        await coordinator.GetByLabel("Tarief in euro (tarief 1)").FillAsync("300");
        var question = coordinator.Locator("#tarief-0-controle");
        await Assertions.Expect(question).ToContainTextAsync("€ 300,00 per uur is hoger dan € 250,00 per uur");
        await Propose(coordinator).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Checkbox, new() { Name = "Ja, dit klopt" })).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(Heading(coordinator, "Onderaanneming voorstellen")).ToBeVisibleAsync();

        await coordinator.GetByRole(AriaRole.Checkbox, new() { Name = "Ja, dit klopt" }).CheckAsync();
        await Propose(coordinator).ClickAsync();
        await Assertions.Expect(Heading(coordinator, "Onderaanneming")).ToBeVisibleAsync();
        var proposed = coordinator.Locator("tr", new() { HasText = Noorderlicht }).Filter(new() { HasText = "01-05-2028" });
        await Assertions.Expect(proposed).ToContainTextAsync("€ 300,00");

        // Withdrawing asks first; "Annuleren" keeps the proposal, "Ja, intrekken" withdraws it.
        await proposed.GetByRole(AriaRole.Button, new() { Name = $"Intrekken {Noorderlicht}" }).ClickAsync();
        await Assertions.Expect(proposed).ToContainTextAsync("Het voorstel voor onderaanneming met Begeleiding Noorderlicht intrekken?");
        await proposed.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Assertions.Expect(proposed).ToContainTextAsync("Voorgesteld");
        await coordinator.ReloadAsync();
        await Assertions.Expect(proposed).ToContainTextAsync("Voorgesteld");

        await proposed.GetByRole(AriaRole.Button, new() { Name = $"Intrekken {Noorderlicht}" }).ClickAsync();
        await proposed.GetByRole(AriaRole.Button, new() { Name = "Ja, intrekken" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText($"Het voorstel voor {Noorderlicht} is ingetrokken.")).ToBeVisibleAsync();
        await Assertions.Expect(proposed.GetByRole(AriaRole.Button, new() { Name = $"Intrekken {Noorderlicht}" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Ending_a_subcontract_asks_first_and_cancelling_keeps_it()
    {
        var coordinator = await OpenAsSignedInAsync(Hoofdaanbieder, "/onderaanneming");
        var consented = coordinator.Locator("tr", new() { HasText = "Toestemming verleend" });
        await Assertions.Expect(consented.First).ToBeVisibleAsync();
        // The header cell holds the name and, on its own line, the link to the rates page.
        var name = (await consented.First.Locator("th").InnerTextAsync()).Split('\n')[0].Trim();
        var ofThisOne = consented.Filter(new() { HasText = name });
        var before = await ofThisOne.CountAsync();
        await consented.First.GetByRole(AriaRole.Button, new() { Name = $"Beëindigen {name}" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Beëindigen", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#beeindigen-vraag")).ToContainTextAsync($"Onderaanneming met {name} beëindigen");
        await Assertions.Expect(coordinator.Locator("#beeindigen-vraag")).ToBeFocusedAsync();
        await coordinator.Locator(".gon-confirm").GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".gon-confirm")).ToHaveCountAsync(0);

        // Enter in the date field does not end it either: only "Ja, beëindigen" does.
        await coordinator.GetByRole(AriaRole.Textbox, new() { Name = "Laatste dag" }).PressAsync("Enter");
        await Assertions.Expect(coordinator.GetByText($"De onderaanneming met {name} is beëindigd.")).ToHaveCountAsync(0);
        await coordinator.ReloadAsync();
        await Assertions.Expect(consented.First).ToBeVisibleAsync();
        Assert.Equal(before, await ofThisOne.CountAsync());
    }

    private async Task<IPage> StartProposalAsync(string validFrom)
    {
        var coordinator = await OpenAsSignedInAsync(Hoofdaanbieder, "/onderaanneming/nieuw");
        await coordinator.GetByLabel("Onderaannemer").SelectOptionAsync(new SelectOptionValue { Label = Noorderlicht });
        await coordinator.GetByLabel("Centrum, Oude Wijken").CheckAsync();
        await coordinator.GetByLabel("Geldig vanaf").FillAsync(validFrom);
        return coordinator;
    }

    private static ILocator Propose(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Voorstellen", Exact = true });
}
