using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>axe-core finds no WCAG 2.1 A or AA violation on any page of the portal.</summary>
public sealed class AccessibilityTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    public static TheoryData<string?, string> Pages => new()
    {
        { null, "/" },
        { null, "/niet-gevonden" },
        { Hoofdaanbieder, "/dashboard" },
        { Hoofdaanbieder, "/clienten" },
        { Hoofdaanbieder, "/clienten/eerste" },
        { Hoofdaanbieder, "/clienten/eerste/ondersteuning/nieuw" },
        { Hoofdaanbieder, "/clienten/eerste/inzage" },
        { Hoofdaanbieder, "/ondersteuning/eerste/wijzigen" },
        { Hoofdaanbieder, "/ondersteuning/eerste/stoppen" },
        { Hoofdaanbieder, "/verwijzingen/ontvangen" },
        { Hoofdaanbieder, "/clienten/nieuw" },
        { Hoofdaanbieder, "/uren/beoordelen" },
        { Hoofdaanbieder, "/onderaanneming" },
        { Hoofdaanbieder, "/onderaanneming/nieuw" },
        { Hoofdaanbieder, "/gebieden" },
        { Hoofdaanbieder, "/lumpsum" },
        { Hoofdaanbieder, "/jaarverslag" },
        { Hoofdaanbieder, "/specificaties?jaar=2027&maand=12" },
        { Hoofdaanbieder, "/verantwoording" },
        { Hoofdaanbieder, "/uitloggen" },
        { Onderaannemer, "/opdrachten" },
        { Onderaannemer, "/onderaanneming" },
        { Onderaannemer, "/uren/invoeren?week=2028-01-03" },
        { Onderaannemer, "/uren/importeren" },
        { Onderaannemer, "/specificaties?jaar=2027&maand=12" },
        { Gemeente, "/overzicht" },
        { Gemeente, "/toestemming" },
        { Gemeente, "/beschikkingen" },
        { Gemeente, "/audit" },
        { Gemeente, "/conversie" },
        { Gemeente, "/begroting" },
        { Gemeente, "/begroting/jaarparameters" },
        { Gemeente, "/begroting/index" },
        { Gemeente, "/begroting/lumpsums" },
        { Gemeente, "/begroting/ventiel" },
        { Gemeente, "/begroting/pgb" },
        { Gemeente, "/begroting/jaarverslagen" },
        { Gemeente, "/afrekening" },
        { Gemeente, "/afrekening/revisies?soort=PgbFinal&gebied=3&jaar=2027" },
        { Gemeente, "/specificaties?jaar=2027&maand=12" },
        { Gemeente, "/verantwoording" },
        { Gemeente, "/jaaroverzicht" },
        { Wij, "/verwijzingen" },
        { Wij, "/aanmelden" },
        { Wij, "/akkoord" },
        { Hoofdaanbieder, "/te-doen" },
        { Gemeente, "/te-doen" },
        { Wij, "/te-doen" },
        { GemeenteBeheerder, "/beheer" },
        { GemeenteBeheerder, "/beheer/organisaties" },
        { GemeenteBeheerder, "/beheer/organisaties/nieuw" },
        { GemeenteBeheerder, "/beheer/organisaties/hoofdaanbieder" },
        { GemeenteBeheerder, "/beheer/medewerkers" },
        { Onderaannemer, "/beheer/medewerkers" },
        { Onderaannemer, "/beheer/koppelingen" },
    };

    /// <summary>The gemeente's cross-tenant pages: they first ask the purpose of looking.</summary>
    private static readonly HashSet<string> PurposePages =
    [
        "/overzicht", "/toestemming", "/beschikkingen", "/begroting/jaarverslagen", "/afrekening", "/afrekening/revisies?soort=PgbFinal&gebied=3&jaar=2027",
        "/specificaties?jaar=2027&maand=12", "/verantwoording", "/jaaroverzicht",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_wcag_2_1_aa_violations(string? email, string path)
    {
        var page = await NewPageAsync();
        await OpenAsync(page, email, path);
        await AssertNoViolationsAsync(page, path);

        if (email == Gemeente && PurposePages.Contains(path))
        {
            await GivePurposeAsync(page, "Toegankelijkheidscontrole");
            await AssertNoViolationsAsync(page, path + " (na het doel)");
        }
    }

    /// <summary>Whether the gemeente first states a purpose on this page before the cross-tenant view appears.</summary>
    internal static bool AsksPurpose(string? email, string path) => email == Gemeente && PurposePages.Contains(path);

    /// <summary>Behind the purpose prompt lies the cross-tenant view itself.</summary>
    internal static async Task GivePurposeAsync(IPage page, string purpose)
    {
        await page.GetByLabel("Met welk doel bekijkt u deze gegevens?").FillAsync(purpose);
        await page.GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen en verder" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("doel")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);
    }

    /// <summary>Opens a page of the list as its person would, with its details open, and waits until it has loaded.</summary>
    internal static async Task OpenAsync(IPage page, string? email, string path)
    {
        if (email is null)
        {
            await page.GotoAsync(path.TrimStart('/'));
        }
        else if (path == "/clienten/eerste")
        {
            await SignInAsync(page, email, "/clienten");
            await page.Locator("table a").First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Terug naar cliënten" })).ToBeVisibleAsync();
            await page.Locator("details summary").First.ClickAsync(); // the history too
        }
        else if (path == "/clienten/eerste/ondersteuning/nieuw")
        {
            await SignInAsync(page, email, "/clienten");
            await page.Locator("table a").First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe ondersteuning vastleggen" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Hoe kwam de cliënt binnen?")).ToBeVisibleAsync();
        }
        else if (path == "/clienten/eerste/inzage")
        {
            await SignInAsync(page, email, "/clienten");
            await page.Locator("table a").First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Wie heeft deze gegevens bekeken (inzageverzoek)" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Inzage en wijzigingen, nieuwste eerst" })).ToBeVisibleAsync();
        }
        else if (path == "/ondersteuning/eerste/wijzigen")
        {
            await SignInAsync(page, email, "/clienten");
            await page.Locator("table a").First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Volume, uitvoerder of einddatum wijzigen" }).First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("regeling")).ToBeVisibleAsync();
        }
        else if (path == "/ondersteuning/eerste/stoppen")
        {
            await SignInAsync(page, email, "/clienten");
            await page.Locator("table a").First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Ondersteuning (beëindigen|annuleren)") }).First.ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("beëindigen|annuleren"));
        }
        else if (path == "/beheer/organisaties/hoofdaanbieder")
        {
            // An organisation page with everything on it: administrators and area contracts, forms open.
            await SignInAsync(page, email, "/beheer/organisaties");
            await page.GetByRole(AriaRole.Link, new() { Name = "Stadse Zorgcombinatie" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Beheerder uitnodigen" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Gebiedscontract toevoegen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Gebiedscontracten" })).ToBeVisibleAsync();
        }
        else
        {
            await SignInAsync(page, email, path);
        }

        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);
    }

    internal static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var report = string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        Assert.True(result.Violations.Length == 0, $"{what}:{Environment.NewLine}{report}");
    }
}
