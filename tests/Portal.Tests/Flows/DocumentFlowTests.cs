using GonPortal.Portal.Tests.Documents;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// A statement leaves the portal as a document: the onderaannemer downloads the PDF of a monthly statement and finds in
/// it what the page shows; the print view of the statement is the document alone (no navigation, no buttons).
/// </summary>
public sealed class DocumentFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    private const string Payer = "Stadse Zorgcombinatie";

    [Fact]
    public async Task The_onderaannemer_downloads_the_statement_as_pdf_and_prints_it()
    {
        // November 2027: other tests use December (revision numbers) and January (a month still missing).
        var gemeente = await OpenAsSignedInAsync(Gemeente, "/afrekening");
        await gemeente.GetByLabel("Met welk doel bekijkt u deze gegevens?").FillAsync("Specificaties november 2027");
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen en verder" }).ClickAsync();
        await gemeente.GetByLabel("Soort berekening").SelectOptionAsync(new SelectOptionValue { Label = "Specificaties onderaannemers (maand)" });
        await gemeente.GetByLabel("Jaar").FillAsync("2027");
        await gemeente.GetByLabel("Maand").SelectOptionAsync(new SelectOptionValue { Label = "november" });
        var rows = gemeente.Locator("tbody tr[data-run]");
        var before = await rows.CountAsync() > 0 ? await rows.First.GetAttributeAsync("data-run") : null;
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Run starten" }).ClickAsync();
        if (before is not null)
        {
            await Assertions.Expect(rows.First).Not.ToHaveAttributeAsync("data-run", before);
        }

        await Assertions.Expect(rows.First.GetByTestId("run-status")).ToHaveTextAsync("Klaar", new() { Timeout = 60_000 });

        var planner = await OpenAsSignedInAsync(Onderaannemer, "/specificaties?jaar=2027&maand=11");
        await planner.Locator("tbody tr", new() { HasText = Payer }).GetByRole(AriaRole.Link).ClickAsync();
        var facts = planner.GetByTestId("specificatie");
        await Assertions.Expect(facts).ToContainTextAsync(Payer);
        var total = (await facts.Locator("dd strong").TextContentAsync())!.Trim();
        var revision = (await facts.Locator("dt:text-is('Revisie') + dd").TextContentAsync())!.Trim();
        var amounts = await planner.GetByTestId("specificatie-regels").Locator("tbody tr td:last-child").AllTextContentsAsync();

        var download = await planner.RunAndWaitForDownloadAsync(() => planner.GetByRole(AriaRole.Button, new() { Name = "Download PDF" }).ClickAsync());
        Assert.Equal($"specificatie-2027-11-buurtwerk-de-linde-revisie-{revision.Split(' ')[0]}.pdf", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        var text = DocumentTexts.Read(pdf);
        DocumentTexts.Shows(text, "Specificatie onderaanneming november 2027");
        DocumentTexts.Shows(text, $"Hoofdaanbieder (betaler){Payer}");
        DocumentTexts.Shows(text, "Onderaannemer (ontvanger)Buurtwerk De Linde");
        DocumentTexts.Shows(text, $"Totaal{total}");
        foreach (var amount in amounts)
        {
            DocumentTexts.Shows(text, amount.Trim());
        }

        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", text);
        await Assertions.Expect(planner.GetByRole(AriaRole.Status).Filter(new() { HasText = "gedownload" })).ToBeVisibleAsync();

        // Downloaded again: the same revision gives the same file.
        var again = await planner.RunAndWaitForDownloadAsync(() => planner.GetByRole(AriaRole.Button, new() { Name = "Download PDF" }).ClickAsync());
        Assert.Equal(pdf, await File.ReadAllBytesAsync((await again.PathAsync())!));

        // The print view: the statement alone, with its figures; no header, navigation or buttons.
        await planner.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(planner.Locator("nav.gon-nav")).ToBeHiddenAsync();
        await Assertions.Expect(planner.Locator("header.gon-header")).ToBeHiddenAsync();
        await Assertions.Expect(planner.GetByRole(AriaRole.Button, new() { Name = "Download PDF" })).ToBeHiddenAsync();
        await Assertions.Expect(planner.GetByRole(AriaRole.Button, new() { Name = "Afdrukken" })).ToBeHiddenAsync();
        await Assertions.Expect(planner.Locator("h1")).ToContainTextAsync("november 2027");
        await Assertions.Expect(facts).ToBeVisibleAsync();
        await Assertions.Expect(facts).ToContainTextAsync(total);
        await Assertions.Expect(facts).ToContainTextAsync("Buurtwerk De Linde");
        if (amounts.Count > 0)
        {
            await Assertions.Expect(planner.GetByTestId("specificatie-regels")).ToBeVisibleAsync();
        }

        // Back on screen the buttons are there again.
        await planner.EmulateMediaAsync(new() { Media = Media.Screen });
        await Assertions.Expect(planner.GetByRole(AriaRole.Button, new() { Name = "Afdrukken" })).ToBeVisibleAsync();
    }
}
