using System.Text;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>The gemeente's budget data and the hoofdaanbieder's year report, through the browser.</summary>
public sealed class BudgetFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task A_bad_year_parameter_is_marked_next_to_its_field_and_a_good_one_becomes_a_new_version()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/begroting/jaarparameters");
        await page.GetByLabel("Jaar", new() { Exact = true }).FillAsync("2029");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "In werking voor 2029" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("parameters-in-werking")).ToContainTextAsync("Standaardwaarden");

        await page.GetByLabel("Winstplafond (% van de opbrengst)").FillAsync("150");
        await page.GetByLabel("Referentie-uurtarief (euro per uur)").FillAsync("64,25");
        await page.GetByLabel("Toelichting", new() { Exact = true }).FillAsync("Kaderbrief 2029");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie opslaan" }).ClickAsync();

        // The Server's violation appears next to the field; everything typed stays.
        await Assertions.Expect(page.Locator("#winstplafond-fout")).ToContainTextAsync("Het winstplafond moet tussen 0 en 100 % liggen.");
        await Assertions.Expect(page.GetByLabel("Winstplafond (% van de opbrengst)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Winstplafond (% van de opbrengst)")).ToHaveValueAsync("150");
        await Assertions.Expect(page.GetByLabel("Referentie-uurtarief (euro per uur)")).ToHaveValueAsync("64,25");
        await Assertions.Expect(page.GetByLabel("Toelichting", new() { Exact = true })).ToHaveValueAsync("Kaderbrief 2029");

        await page.GetByLabel("Winstplafond (% van de opbrengst)").FillAsync("4,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Versie 1 is opgeslagen en is nu in werking.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#winstplafond-fout")).ToHaveCountAsync(0);
        var versions = page.GetByRole(AriaRole.Table, new() { Name = "Opgeslagen versies, nieuwste eerst" });
        var row = versions.Locator("tr", new() { HasText = "Kaderbrief 2029" });
        await Assertions.Expect(row).ToContainTextAsync("4,5 %");
        await Assertions.Expect(row).ToContainTextAsync("€ 64,25");
        await Assertions.Expect(page.GetByTestId("parameters-in-werking")).ToContainTextAsync("€ 64,25");
    }

    [Fact]
    public async Task A_pgb_csv_with_a_bad_line_stores_nothing_and_reports_the_line()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/begroting/pgb");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Actieve PGB-cliënten aan het eind van elke maand van 2027" })).ToBeVisibleAsync();
        await page.GetByLabel("Soort gegevens").SelectOptionAsync(new SelectOptionValue { Label = "Tellingen per maand" });
        var csv = new StringBuilder()
            .AppendLine("area_id,year,month,client_count")
            .AppendLine("1,2027,1,40")
            .AppendLine("1,2027,13,41")
            .ToString();

        await page.Locator("#csv-bestand").SetInputFilesAsync(new FilePayload { Name = "pgb.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Niets opgeslagen" })).ToContainTextAsync("Niets opgeslagen: 1 regel is niet goed.");
        var report = page.GetByRole(AriaRole.Table, new() { Name = "Regels die niet goed zijn" });
        var line = report.Locator("tr", new() { HasText = "is not 1-12" });
        await Assertions.Expect(line.Locator("th")).ToHaveTextAsync("3");
        await Assertions.Expect(line).ToContainTextAsync("month");
    }

    [Fact]
    public async Task The_hoofdaanbieder_submits_a_year_report_and_sees_it_locked_once_the_gemeente_locks_it()
    {
        var coordinator = await OpenAsSignedInAsync(Hoofdaanbieder, "/jaarverslag");
        await coordinator.GetByLabel("Gebied").SelectOptionAsync(new SelectOptionValue { Label = "West" });
        await coordinator.GetByLabel("Jaar", new() { Exact = true }).FillAsync("2027");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Jaarverslag West over 2027" })).ToBeVisibleAsync();

        await coordinator.GetByLabel("Eigen leveringskosten (euro)").FillAsync("1.234.567,89");
        await coordinator.GetByLabel("Toelichting (niet verplicht)").FillAsync("Eigen teams West");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Jaarverslag indienen" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Het jaarverslag is opgeslagen.")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByTestId("jaarverslag")).ToContainTextAsync("€ 1.234.567,89");
        await Assertions.Expect(coordinator.GetByTestId("jaarverslag")).ToContainTextAsync("Open");

        var gemeente = await OpenAsSignedInAsync(Gemeente, "/begroting/jaarverslagen");
        await gemeente.GetByLabel("Met welk doel bekijkt u deze gegevens?").FillAsync("Jaarverslagen 2027 vergrendelen");
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen en verder" }).ClickAsync();
        var row = gemeente.Locator("tr", new() { HasText = "Eigen teams West" });
        await Assertions.Expect(row).ToContainTextAsync("€ 1.234.567,89");
        await row.GetByRole(AriaRole.Button, new() { Name = "Vergrendelen West" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Ja, vergrendelen" }).ClickAsync();
        await Assertions.Expect(gemeente.GetByText("1 jaarverslag(en) vergrendeld.")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("Vergrendeld op");

        await coordinator.ReloadAsync();
        await coordinator.GetByLabel("Gebied").SelectOptionAsync(new SelectOptionValue { Label = "West" });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("vergrendeld")).ToContainTextAsync("Vergrendeld op");
        await Assertions.Expect(coordinator.GetByText("De gemeente heeft dit jaarverslag vergrendeld; u kunt het niet meer wijzigen.")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Button, new() { Name = "Jaarverslag vervangen" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_dashboard_shows_the_budget_position_as_a_chart_with_its_figures_as_a_table()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/dashboard");
        var section = page.GetByTestId("budgetpositie");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Budgetpositie Centrum, Oude Wijken tot en met december 2027" })).ToBeVisibleAsync();

        // The chart is one image with a name; the same figures follow as a table, one row per month.
        await Assertions.Expect(section.GetByRole(AriaRole.Img, new() { Name = "Ontvangen voorschotten en bekende kosten, opgeteld per maand" })).ToBeVisibleAsync();
        var figures = section.GetByRole(AriaRole.Table, new() { Name = "Cijfers bij: Ontvangen voorschotten en bekende kosten, opgeteld per maand" });
        await Assertions.Expect(figures.Locator("tbody tr")).ToHaveCountAsync(12);
        await Assertions.Expect(figures.Locator("tbody tr").Last.Locator("th")).ToHaveTextAsync("december");
        await Assertions.Expect(figures.Locator("tbody tr").Last.Locator("td").First).ToContainTextAsync("€ ");

        await Assertions.Expect(section.GetByRole(AriaRole.Table, new() { Name = "Budgetpositie per maand (opgeteld vanaf januari)" }).Locator("tbody tr")).ToHaveCountAsync(12);
        // The projection rests on complete months only: which ones depends on the statements other tests ran, so the
        // page says either on which months it rests or why it is withheld (FiguresFlowTests pins the withheld case).
        var projection = section.GetByTestId("projectie");
        await Assertions.Expect(projection).ToContainTextAsync("Complete maanden");
        await Assertions.Expect(section.GetByTestId("projectie-basis").Or(section.GetByTestId("projectie-achtergehouden"))).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolationsAsync(page, "dashboard met budgetpositie");
    }

    [Fact]
    public async Task A_ventiel_adjustment_without_description_is_refused_next_to_the_field_and_then_posted_once()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/begroting/ventiel");
        await page.GetByLabel("Gebied").SelectOptionAsync(new SelectOptionValue { Label = "Zuid en Haren" });
        await page.GetByLabel("Jaar", new() { Exact = true }).FillAsync("2029");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Voor dit gebied en jaar zijn geen ventielaanpassingen geboekt.")).ToBeVisibleAsync();

        await page.GetByLabel("Bedrag (euro)").FillAsync("-12.500,00");
        await page.GetByLabel("Reden").SelectOptionAsync(new SelectOptionValue { Label = "Beleidswijziging" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanpassing boeken" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ventiel-omschrijving-fout")).ToContainTextAsync("Geef een omschrijving van 3 tot 2000 tekens.");
        await Assertions.Expect(page.GetByLabel("Bedrag (euro)")).ToHaveValueAsync("-12.500,00");

        await page.GetByLabel("Omschrijving").FillAsync("Doelgroep jeugd naar Jeugdwet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanpassing boeken" }).ClickAsync();
        await Assertions.Expect(page.GetByText("De aanpassing van € -12.500,00 is geboekt.")).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Ventielaanpassingen Zuid en Haren 2029, nieuwste eerst" }).Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Beleidswijziging");
        await Assertions.Expect(rows.First).ToContainTextAsync("€ -12.500,00");
    }
}
