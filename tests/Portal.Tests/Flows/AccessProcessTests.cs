using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static GonPortal.Portal.Tests.Infrastructure.AccessSteps;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// The access process (toegang) in the browser, each step where its role works: WIJ registers and refers, the
/// hoofdaanbieder accepts and decides, WIJ has the last say on aanvullend, the gemeente records the beschikking, and
/// the hoofdaanbieder starts care.
/// </summary>
public sealed class AccessProcessTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task Aanvullend_support_goes_from_referral_through_wij_and_beschikking_to_active_care_seen_by_each_role()
    {
        var resident = Resident.New();
        var wij = await OpenAsSignedInAsync(Wij, "/aanmelden");
        await RegisterAndReferAsync(wij, resident);

        var hoofdaanbieder = await OpenAsSignedInAsync(Hoofdaanbieder, "/verwijzingen/ontvangen");
        await AcceptAndDecideAanvullendAsync(hoofdaanbieder, resident);
        var clientUrl = hoofdaanbieder.Url;

        // WIJ's last say.
        await wij.GotoAsync("akkoord");
        var toReview = await RowAsync(wij, resident.Surname);
        await Assertions.Expect(toReview).ToContainTextAsync("Stadse Zorgcombinatie");
        await toReview.GetByRole(AriaRole.Button, new() { Name = "Beoordelen" }).ClickAsync();
        await AccessibilityTests.AssertNoViolationsAsync(wij, "/akkoord (beoordelen)");
        await wij.GetByLabel("Toelichting of reden").FillAsync("Past bij de afgesproken doelen");
        await wij.GetByRole(AriaRole.Button, new() { Name = "Akkoord, advies naar de gemeente" }).ClickAsync();
        await Assertions.Expect(wij.GetByRole(AriaRole.Alert).Filter(new() { HasText = "U bent akkoord" })).ToContainTextAsync($"Anna {resident.Surname}");
        await Assertions.Expect(wij.Locator("tbody tr", new() { HasText = resident.Surname })).ToHaveCountAsync(0);

        await hoofdaanbieder.ReloadAsync();
        await Assertions.Expect(hoofdaanbieder.Locator(".gon-arrangement").GetByTestId("volgende-stap")).ToContainTextAsync("wacht op de beschikking van de gemeente");

        // The gemeente records the beschikking, after saying why it looks across organisations.
        var gemeente = await OpenAsSignedInAsync(Gemeente, "/beschikkingen");
        await gemeente.GetByLabel("Met welk doel bekijkt u deze gegevens?").FillAsync("Beschikkingen afgeven");
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen en verder" }).ClickAsync();
        var advised = await RowAsync(gemeente, resident.Surname);
        await advised.GetByRole(AriaRole.Button, new() { Name = "Beoordelen" }).ClickAsync();
        await Assertions.Expect(gemeente.Locator(".gon-card")).ToContainTextAsync("Past bij de afgesproken doelen");
        await AccessibilityTests.AssertNoViolationsAsync(gemeente, "/beschikkingen (beoordelen)");
        await gemeente.GetByLabel("Beschikkingsnummer").FillAsync("BS-2028-0117");
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Beschikking vastleggen" }).ClickAsync();
        await Assertions.Expect(gemeente.GetByRole(AriaRole.Alert).Filter(new() { HasText = "is vastgelegd" })).ToContainTextAsync("Beschikking BS-2028-0117");
        await Assertions.Expect(gemeente.Locator("tbody tr", new() { HasText = resident.Surname })).ToHaveCountAsync(0);

        // The hoofdaanbieder starts care.
        await hoofdaanbieder.ReloadAsync();
        var card = hoofdaanbieder.Locator(".gon-arrangement");
        await Assertions.Expect(card).ToContainTextAsync("Beschikking afgegeven");
        await Assertions.Expect(card).ToContainTextAsync("BS-2028-0117");
        await card.GetByRole(AriaRole.Button, new() { Name = "Start van de zorg vastleggen" }).ClickAsync();
        await Assertions.Expect(card.Locator(".utrecht-status-badge")).ToHaveTextAsync("Lopend");

        // WIJ follows the outcome.
        await wij.GotoAsync("verwijzingen");
        var referral = await RowAsync(wij, resident.Surname);
        await Assertions.Expect(referral).ToContainTextAsync("Geaccepteerd");
        await Assertions.Expect(referral).ToContainTextAsync("Begeleiding (aanvullend): Lopend");

        // Another hoofdaanbieder sees neither the client nor the referral.
        var other = await OpenAsSignedInAsync(OtherHoofdaanbieder, "/verwijzingen/ontvangen");
        await other.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Alle" });
        await other.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(other.Locator(".gon-loading")).ToHaveCountAsync(0);
        await Assertions.Expect(other.Locator("tbody tr", new() { HasText = resident.Surname })).ToHaveCountAsync(0);
        await other.GotoAsync(clientUrl);
        await Assertions.Expect(Heading(other, "Pagina niet gevonden")).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator("body")).Not.ToContainTextAsync(resident.Surname);
    }

    [Fact]
    public async Task A_returned_referral_shows_the_reason_to_wij()
    {
        var resident = Resident.New();
        var wij = await OpenAsSignedInAsync(Wij, "/aanmelden");
        await RegisterAndReferAsync(wij, resident);

        var hoofdaanbieder = await OpenAsSignedInAsync(Hoofdaanbieder, "/verwijzingen/ontvangen");
        var row = await RowAsync(hoofdaanbieder, resident.Surname);
        await row.GetByRole(AriaRole.Button, new() { Name = "Terugsturen" }).ClickAsync();
        await hoofdaanbieder.GetByRole(AriaRole.Button, new() { Name = "Terugsturen naar WIJ" }).ClickAsync();
        await Assertions.Expect(hoofdaanbieder.Locator("#terugsturen-reden-fout")).ToContainTextAsync("Geef een reden");

        await hoofdaanbieder.GetByLabel("Reden").FillAsync("De inwoner woont sinds kort in Oost");
        await hoofdaanbieder.GetByRole(AriaRole.Button, new() { Name = "Terugsturen naar WIJ" }).ClickAsync();
        await Assertions.Expect(hoofdaanbieder.GetByTestId("gedaan")).ToContainTextAsync("is teruggestuurd naar WIJ");

        await wij.GotoAsync("verwijzingen");
        var referral = await RowAsync(wij, resident.Surname);
        await Assertions.Expect(referral).ToContainTextAsync("Teruggestuurd: De inwoner woont sinds kort in Oost");
    }

    [Fact]
    public async Task A_wij_rejection_reaches_the_hoofdaanbieder_who_decides_again_and_then_cancels_after_being_asked()
    {
        var resident = Resident.New();
        var wij = await OpenAsSignedInAsync(Wij, "/aanmelden");
        await RegisterAndReferAsync(wij, resident);
        var hoofdaanbieder = await OpenAsSignedInAsync(Hoofdaanbieder, "/verwijzingen/ontvangen");
        await AcceptAndDecideAanvullendAsync(hoofdaanbieder, resident);

        await wij.GotoAsync("akkoord");
        var row = await RowAsync(wij, resident.Surname);
        await row.GetByRole(AriaRole.Button, new() { Name = "Beoordelen" }).ClickAsync();
        await wij.GetByRole(AriaRole.Button, new() { Name = "Afwijzen" }).ClickAsync();
        await Assertions.Expect(wij.Locator("#oordeel-fout")).ToContainTextAsync("Geef een reden");
        await wij.GetByLabel("Toelichting of reden").FillAsync("Basisondersteuning in de wijk past beter");
        await wij.GetByRole(AriaRole.Button, new() { Name = "Afwijzen" }).ClickAsync();
        await Assertions.Expect(wij.GetByRole(AriaRole.Alert).Filter(new() { HasText = "afgewezen" })).ToContainTextAsync("Stadse Zorgcombinatie ziet uw reden");

        await hoofdaanbieder.ReloadAsync();
        var card = hoofdaanbieder.Locator(".gon-arrangement");
        await Assertions.Expect(card.Locator(".utrecht-status-badge")).ToHaveTextAsync("Afgewezen door WIJ");
        await Assertions.Expect(card.GetByTestId("volgende-stap")).ToContainTextAsync("Basisondersteuning in de wijk past beter");

        // The hoofdaanbieder decides again, starting from its previous decision; it goes to WIJ again.
        await card.GetByRole(AriaRole.Link, new() { Name = "Opnieuw besluiten" }).ClickAsync();
        await Assertions.Expect(hoofdaanbieder.GetByTestId("opnieuw")).ToContainTextAsync("Basisondersteuning in de wijk past beter");
        await Assertions.Expect(hoofdaanbieder.GetByLabel("Volume in uren")).ToHaveValueAsync("3,5");
        await hoofdaanbieder.GetByLabel("Volume in uren").FillAsync("2,5");
        await hoofdaanbieder.GetByRole(AriaRole.Button, new() { Name = "Aanvraag en besluit vastleggen" }).ClickAsync();
        await Assertions.Expect(card.Locator(".utrecht-status-badge")).ToHaveTextAsync("Wacht op WIJ");
        await Assertions.Expect(card).ToContainTextAsync("2,5 uur");
        await Assertions.Expect(hoofdaanbieder.Locator(".gon-arrangement")).ToHaveCountAsync(1);

        // Cancelling asks first; "Annuleren" on the question changes nothing.
        await card.GetByRole(AriaRole.Link, new() { Name = "Ondersteuning annuleren" }).ClickAsync();
        await Assertions.Expect(hoofdaanbieder.GetByTestId("regeling")).ToContainTextAsync("Wacht op WIJ");
        await hoofdaanbieder.GetByLabel("Reden").FillAsync("WIJ en cliënt kiezen voor basisondersteuning");
        await hoofdaanbieder.GetByRole(AriaRole.Button, new() { Name = "Ondersteuning annuleren" }).ClickAsync();
        var question = hoofdaanbieder.Locator(".gon-confirm__question");
        await Assertions.Expect(question).ToContainTextAsync($"Begeleiding van Anna {resident.Surname} annuleren? Dit kan niet ongedaan worden.");
        await Assertions.Expect(question).ToBeFocusedAsync();
        await AccessibilityTests.AssertNoViolationsAsync(hoofdaanbieder, "/ondersteuning/…/stoppen (vraag)");
        await hoofdaanbieder.GetByRole(AriaRole.Button, new() { Name = "Annuleren", Exact = true }).ClickAsync();
        await Assertions.Expect(question).ToHaveCountAsync(0);
        await hoofdaanbieder.ReloadAsync();
        await Assertions.Expect(hoofdaanbieder.GetByTestId("regeling")).ToContainTextAsync("Wacht op WIJ");

        await hoofdaanbieder.GetByLabel("Reden").FillAsync("WIJ en cliënt kiezen voor basisondersteuning");
        await hoofdaanbieder.GetByRole(AriaRole.Button, new() { Name = "Ondersteuning annuleren" }).ClickAsync();
        await hoofdaanbieder.GetByRole(AriaRole.Button, new() { Name = "Ja, annuleren" }).ClickAsync();
        await Assertions.Expect(hoofdaanbieder.GetByRole(AriaRole.Alert).Filter(new() { HasText = "is geannuleerd" })).ToBeVisibleAsync();
        await Assertions.Expect(hoofdaanbieder.GetByTestId("regeling")).ToContainTextAsync("Geannuleerd");
    }

    [Fact]
    public async Task A_bsn_that_fails_the_elfproef_is_refused_in_the_browser_and_a_future_birth_date_by_the_server_and_nothing_is_stored()
    {
        var resident = Resident.New();
        var wij = await OpenAsSignedInAsync(Wij, "/aanmelden");
        await FillResidentAsync(wij, resident, bsn: "123456789");
        await Assertions.Expect(wij.Locator("#inwoner-bsn-fout")).ToContainTextAsync("elfproef");
        await wij.GetByRole(AriaRole.Button, new() { Name = "Inwoner aanmelden" }).ClickAsync();
        await Assertions.Expect(wij.Locator("#inwoner-bsn-fout")).ToContainTextAsync("Dit BSN bestaat niet: het voldoet niet aan de elfproef.");
        await Assertions.Expect(wij.GetByLabel("BSN")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(wij.GetByLabel("Achternaam")).ToHaveValueAsync(resident.Surname);

        // A valid BSN, but a birth date in the future: the Server's violation stands next to the field.
        await wij.GetByLabel("BSN").FillAsync(resident.Bsn);
        await wij.GetByLabel("Geboortedatum").FillAsync("2030-01-01");
        await Assertions.Expect(wij.Locator("#inwoner-bsn-fout")).ToHaveCountAsync(0);
        await wij.GetByRole(AriaRole.Button, new() { Name = "Inwoner aanmelden" }).ClickAsync();
        await Assertions.Expect(wij.Locator("#inwoner-geboortedatum-fout")).ToContainTextAsync("Vul een geldige geboortedatum in die niet in de toekomst ligt.");
        await Assertions.Expect(wij.GetByRole(AriaRole.Heading, new() { Name = "Stap 1: de inwoner" })).ToBeVisibleAsync();

        // Nothing was stored: the hoofdaanbieder of West finds no such client.
        var hoofdaanbieder = await OpenAsSignedInAsync(Hoofdaanbieder, "/clienten");
        await hoofdaanbieder.GetByLabel("Naam").FillAsync(resident.Surname);
        await hoofdaanbieder.GetByLabel("Naam").PressAsync("Enter");
        await Assertions.Expect(hoofdaanbieder.Locator(".gon-loading")).ToHaveCountAsync(0);
        await Assertions.Expect(hoofdaanbieder.Locator("table a", new() { HasText = resident.Surname })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_hoofdaanbieder_registers_a_client_directly_for_basis_support_via_an_initiative()
    {
        var resident = Resident.New();
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/clienten");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cliënt rechtstreeks aanmelden (maatschappelijk initiatief)" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Gebied", new() { Exact = true }).Locator("option")).ToHaveCountAsync(3); // Kies…, and the two it holds
        await FillResidentAsync(page, resident);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cliënt aanmelden en verder naar de ondersteuning" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Hoe kwam de cliënt binnen?")).ToHaveValueAsync("DirectInitiative");
        await Assertions.Expect(page.GetByLabel("Geleverd via een maatschappelijk initiatief")).ToBeCheckedAsync();
        await page.GetByLabel("Volume in uren").FillAsync("2");
        await page.GetByLabel("Naam van het initiatief").FillAsync("Wiershoeck");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag en besluit vastleggen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Anna {resident.Surname}", Level = 1 })).ToBeVisibleAsync();
        var card = page.Locator(".gon-arrangement");
        await Assertions.Expect(card.Locator(".utrecht-status-badge")).ToHaveTextAsync("Besloten");
        await Assertions.Expect(card).ToContainTextAsync("Wiershoeck");
    }

    [Fact]
    public async Task Ending_active_support_asks_first_and_then_ends_it()
    {
        var resident = Resident.New();
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/clienten/nieuw");
        await FillResidentAsync(page, resident);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cliënt aanmelden en verder naar de ondersteuning" }).ClickAsync();
        await page.GetByLabel("Volume in uren").FillAsync("1,5");
        await page.GetByLabel("Naam van het initiatief").FillAsync("Odensehuis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag en besluit vastleggen" }).ClickAsync();
        var card = page.Locator(".gon-arrangement");
        await card.GetByRole(AriaRole.Button, new() { Name = "Start van de zorg vastleggen" }).ClickAsync();
        await Assertions.Expect(card.Locator(".utrecht-status-badge")).ToHaveTextAsync("Lopend");

        await card.GetByRole(AriaRole.Link, new() { Name = "Ondersteuning beëindigen" }).ClickAsync();
        await page.GetByLabel("Reden", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "doelen bereikt" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ondersteuning beëindigen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".gon-confirm__question")).ToContainTextAsync($"Begeleiding van Anna {resident.Surname} beëindigen met 15-01-2028 als laatste dag? Dit kan niet ongedaan worden.");
        await Assertions.Expect(page.GetByTestId("regeling")).ToContainTextAsync("Lopend");
        await AccessibilityTests.AssertNoViolationsAsync(page, "/ondersteuning/…/stoppen (beëindigen)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, beëindigen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "is beëindigd" })).ToContainTextAsync("de laatste dag is 15-01-2028");
        await Assertions.Expect(page.GetByTestId("regeling")).ToContainTextAsync("Beëindigd");
    }
}
