using System.Text;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// A planner downloads the template (a line per client, named as the portal shows them) and uploads a CSV in the
/// grid's units; the report says per line, in Dutch, what was not stored and why.
/// </summary>
public sealed class HourImportTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task The_template_names_the_clients_and_a_csv_with_bad_lines_shows_a_report_per_line()
    {
        var page = await OpenAsSignedInAsync(Onderaannemer, "/uren/importeren");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#sjabloon").ClickAsync());
        var template = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = template.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sleutel;cliënt;product;datum;aantal;toelichting", lines[0]);
        var open = lines[1].Split(';');
        Assert.False(string.IsNullOrWhiteSpace(open[1]));
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}", template);

        var csv = new StringBuilder()
            .AppendLine(lines[0])
            .AppendLine(lines[1]) // left open: skipped
            .AppendLine("csv-onbekend;Niemand Bestaat;begeleiding;04-01-2028;1,5;Onbekende cliënt")
            .AppendLine($"csv-datum;{open[1]};{open[2]};31-02-2028;1,5;Geen echte datum")
            .AppendLine($"csv-aantal;{open[1]};{open[2]};15-01-2028;anderhalf;Onleesbaar aantal")
            .ToString();
        await page.Locator("#bestand").SetInputFilesAsync(new FilePayload { Name = "uren.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "regels gelezen" })).ToContainTextAsync("3 regels gelezen: 0 opgeslagen, 0 stonden er al, 3 niet opgeslagen.");
        var report = page.GetByRole(AriaRole.Table, new() { Name = "Regels die niet zijn opgeslagen" });
        await Assertions.Expect(report.Locator("tr", new() { HasText = "csv-onbekend" })).ToContainTextAsync("Geen lopende ondersteuning gevonden");
        await Assertions.Expect(report.Locator("tr", new() { HasText = "csv-onbekend" }).Locator("th")).ToHaveTextAsync("3");
        await Assertions.Expect(report.Locator("tr", new() { HasText = "csv-datum" })).ToContainTextAsync("De datum is niet leesbaar");
        await Assertions.Expect(report.Locator("tr", new() { HasText = "csv-aantal" }))
            .ToContainTextAsync(new System.Text.RegularExpressions.Regex("De uren zijn niet leesbaar|Het aantal is geen heel getal"));
    }
}
