using System.Text;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>A CSV upload reports per line what was not stored and why.</summary>
public sealed class HourImportTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task A_csv_with_bad_lines_shows_a_report_per_line()
    {
        var page = await OpenAsSignedInAsync(Onderaannemer, "/uren/importeren");
        var csv = new StringBuilder()
            .AppendLine("sleutel;regeling;datum;product;eenheid;aantal;toelichting")
            .AppendLine($"csv-onbekend;{Guid.NewGuid()};04-01-2028;begeleiding;uur;60;Onbekende regeling")
            .AppendLine("csv-datum;whatever;31-02-2028;begeleiding;uur;60;Geen echte datum")
            .AppendLine("csv-toekomst;whatever;04-01-2029;begeleiding;uur;60;Te vroeg")
            .ToString();

        await page.Locator("#bestand").SetInputFilesAsync(new FilePayload { Name = "uren.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("3 regels gelezen: 0 opgeslagen, 0 stonden er al, 3 niet opgeslagen.");
        var report = page.GetByRole(AriaRole.Table, new() { Name = "Regels die niet zijn opgeslagen" });
        await Assertions.Expect(report.Locator("tr", new() { HasText = "csv-onbekend" })).ToContainTextAsync("Deze regeling kent u niet");
        await Assertions.Expect(report.Locator("tr", new() { HasText = "csv-datum" })).ToContainTextAsync("De datum is niet leesbaar");
        await Assertions.Expect(report.Locator("tr", new() { HasText = "csv-onbekend" }).Locator("th")).ToHaveTextAsync("2");
    }
}
