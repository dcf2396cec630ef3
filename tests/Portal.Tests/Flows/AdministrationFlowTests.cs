using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// Onboarding through the portal: the gemeente's administrator registers an organisation (the KvK number typed
/// as people write it) and invites its administrator; the invitation arrives by e-mail, the link is followed in
/// the browser, and the new administrator signs in and invites a colleague of their own.
/// </summary>
public sealed class AdministrationFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    private const string InvitationSubject = "Uitnodiging voor GonPortal";
    private const string NewPassword = "Nieuw-wachtwoord-2028!";

    [Fact]
    public async Task The_gemeente_onboards_an_organisation_whose_administrator_invites_a_colleague()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organisationName = $"Zorg Hoogkerk {suffix}";
        var kvk = $"{Random.Shared.Next(1000, 9999)} {Random.Shared.Next(1000, 9999)}";
        var adminEmail = $"beheer-{suffix}@hoogkerk.test";

        var gemeente = await OpenAsSignedInAsync(GemeenteBeheerder, "/beheer/organisaties");
        await gemeente.GetByRole(AriaRole.Link, new() { Name = "Nieuwe organisatie" }).ClickAsync();
        await gemeente.GetByLabel("Naam van de organisatie").FillAsync(organisationName);
        await gemeente.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "onderaannemer" });
        await gemeente.GetByLabel("KvK-nummer").FillAsync(kvk); // "1234 5678": the portal drops the space
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Organisatie registreren" }).ClickAsync();

        await Assertions.Expect(Heading(gemeente, organisationName)).ToBeVisibleAsync();
        await Assertions.Expect(gemeente.GetByTestId("organisatie")).ToContainTextAsync(kvk.Replace(" ", "", StringComparison.Ordinal));

        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Beheerder uitnodigen" }).ClickAsync();
        await gemeente.GetByLabel("Naam", new() { Exact = true }).FillAsync("Hanna de Vries");
        await gemeente.GetByLabel("E-mailadres").FillAsync(adminEmail);
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }).ClickAsync();
        await Assertions.Expect(gemeente.GetByRole(AriaRole.Table)).ToContainTextAsync("Hanna de Vries");
        await Assertions.Expect(gemeente.GetByRole(AriaRole.Row, new() { Name = "Hanna de Vries" })).ToContainTextAsync("Uitgenodigd");

        // The list shows the new organisation with its invited administrator.
        await gemeente.GetByRole(AriaRole.Link, new() { Name = "Terug naar organisaties" }).ClickAsync();
        await Assertions.Expect(gemeente.GetByRole(AriaRole.Row, new() { Name = organisationName })).ToContainTextAsync("Hanna de Vries (uitgenodigd)");

        // The e-mail arrives; its link opens Identity's activation page in the browser.
        var mail = await Hosts.Mailbox.WaitForAsync(adminEmail, InvitationSubject);
        var administrator = await NewPageAsync();
        await administrator.GotoAsync(TestMailbox.Link(mail, "/Account/Activate").ToString());
        await administrator.GetByLabel("Nieuw wachtwoord").FillAsync(NewPassword);
        await administrator.GetByLabel("Herhaal het wachtwoord").FillAsync(NewPassword);
        await administrator.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan" }).ClickAsync();
        await Assertions.Expect(administrator.Locator("#activation-done")).ToBeVisibleAsync();

        // Administrators enrol an authenticator at their first sign-in: the key is read from the page, the code computed.
        await StartSignInAsync(administrator, adminEmail, NewPassword, "/beheer/medewerkers");
        await Assertions.Expect(Heading(administrator, "Tweestapsverificatie instellen")).ToBeVisibleAsync();
        var key = (await administrator.GetByTestId("sleutel").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await EnterCodeAsync(administrator, Totp.Code(key));
        await Assertions.Expect(administrator.GetByTestId("herstelcodes").Locator("li")).ToHaveCountAsync(10);
        await administrator.GetByRole(AriaRole.Link, new() { Name = "Doorgaan" }).ClickAsync();
        await Assertions.Expect(administrator.GetByTestId("aangemeld")).ToContainTextAsync("Hanna de Vries");
        await Assertions.Expect(Heading(administrator, "Medewerkers")).ToBeVisibleAsync();
        await Assertions.Expect(administrator.GetByText($"De mensen van {organisationName}")).ToBeVisibleAsync();
        await Assertions.Expect(administrator.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Beheer" })).ToBeVisibleAsync();

        // The new administrator invites a colleague, who receives the e-mail and shows as invited.
        var colleagueEmail = $"collega-{suffix}@hoogkerk.test";
        await administrator.GetByRole(AriaRole.Button, new() { Name = "Medewerker uitnodigen" }).ClickAsync();
        await administrator.GetByLabel("Naam", new() { Exact = true }).FillAsync("Sem Mulder");
        await administrator.GetByLabel("E-mailadres").FillAsync(colleagueEmail);
        await administrator.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }).ClickAsync();
        var colleague = administrator.GetByRole(AriaRole.Row, new() { Name = "Sem Mulder" });
        await Assertions.Expect(colleague).ToContainTextAsync("Uitgenodigd");
        await Assertions.Expect(colleague).ToContainTextAsync("Nee"); // not an administrator
        await Assertions.Expect(administrator.GetByRole(AriaRole.Row, new() { Name = adminEmail })).ToContainTextAsync("Aan"); // two-factor on
        Assert.NotNull(await Hosts.Mailbox.WaitForAsync(colleagueEmail, InvitationSubject));

        // The same address again: refused next to the e-mail field, with what was typed kept.
        await administrator.GetByRole(AriaRole.Button, new() { Name = "Medewerker uitnodigen" }).ClickAsync();
        await administrator.GetByLabel("Naam", new() { Exact = true }).FillAsync("Sem Mulder");
        await administrator.GetByLabel("E-mailadres").FillAsync(colleagueEmail);
        await administrator.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }).ClickAsync();
        await Assertions.Expect(administrator.Locator("#uitnodiging-email-fout")).ToContainTextAsync("hoort al bij een account");
        await Assertions.Expect(administrator.GetByLabel("E-mailadres")).ToHaveValueAsync(colleagueEmail);

        // Deactivating asks first and says what follows; afterwards the organisation can come back.
        await gemeente.GetByRole(AriaRole.Link, new() { Name = organisationName }).ClickAsync();
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Organisatie deactiveren" }).ClickAsync();
        await Assertions.Expect(gemeente.GetByText($"Iedereen van {organisationName} wordt direct afgemeld")).ToBeVisibleAsync();
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Ja, deactiveren" }).ClickAsync();
        await Assertions.Expect(gemeente.GetByTestId("organisatie")).ToContainTextAsync("Gedeactiveerd sinds");
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Organisatie heractiveren" }).ClickAsync();
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Ja, heractiveren" }).ClickAsync();
        await Assertions.Expect(gemeente.GetByTestId("organisatie")).ToContainTextAsync("Actief");
    }

    [Fact]
    public async Task The_people_page_fits_a_phone()
    {
        var page = await OpenAsSignedInAsync(Onderaannemer, "/beheer/medewerkers", width: 390);
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("planner@delinde.demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "planner@delinde.demo" })).ToContainTextAsync("Dit bent u");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The page scrolls sideways at 390 px; only the table region may.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Medewerker uitnodigen" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Beheerder: mag collega's en koppelingen beheren")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_empty_name_and_a_short_kvk_number_are_marked_next_to_their_fields()
    {
        var gemeente = await OpenAsSignedInAsync(GemeenteBeheerder, "/beheer/organisaties/nieuw");
        await gemeente.GetByLabel("KvK-nummer").FillAsync("1234567");
        await gemeente.GetByLabel("AGB-code (optioneel)").FillAsync("12345678");
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Organisatie registreren" }).ClickAsync();

        await Assertions.Expect(gemeente.Locator("#org-naam-fout")).ToContainTextAsync("Vul een naam in van 2 tot 200 tekens");
        await Assertions.Expect(gemeente.Locator("#org-kvk-fout")).ToContainTextAsync("precies 8 cijfers");
        await Assertions.Expect(gemeente.GetByLabel("KvK-nummer")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(gemeente.GetByLabel("KvK-nummer")).ToHaveValueAsync("1234567");
        await Assertions.Expect(gemeente.GetByLabel("AGB-code (optioneel)")).ToHaveValueAsync("12345678");
        await Assertions.Expect(gemeente.Locator("#org-agb-fout")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_person_who_is_not_an_administrator_sees_no_beheer()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/overzicht");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Overzicht", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Beheer" })).ToHaveCountAsync(0);

        // A typed URL meets the portal's ordinary answer for pages one may not use: "not found, or no access".
        foreach (var path in new[] { "beheer", "beheer/organisaties", "beheer/medewerkers", "beheer/koppelingen" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(Heading(page, "Pagina niet gevonden")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        }

        // An organisation's own administrator is no gemeente administrator: no organisations either.
        var provider = await OpenAsSignedInAsync(Onderaannemer, "/beheer");
        await Assertions.Expect(provider.GetByRole(AriaRole.Link, new() { Name = "Medewerkers" })).ToBeVisibleAsync();
        await Assertions.Expect(provider.GetByRole(AriaRole.Link, new() { Name = "Organisaties" })).ToHaveCountAsync(0);
        await provider.GotoAsync("beheer/organisaties");
        await Assertions.Expect(Heading(provider, "Pagina niet gevonden")).ToBeVisibleAsync();
    }
}
