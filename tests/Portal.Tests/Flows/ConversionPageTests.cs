using System.Text;
using GonPortal.Domain.Clients;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>The gemeente uploads a conversion file, confirms, and reads the report per line in Dutch.</summary>
public sealed class ConversionPageTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task A_conversion_file_with_a_bad_line_shows_a_report_per_line()
    {
        var page = await OpenAsSignedInAsync(Gemeente, "/conversie");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sjabloon downloaden (CSV)" })).ToHaveAttributeAsync("download", "conversie-sjabloon.csv");
        var bsn = FreshBsn();
        var (good, bad) = ($"pw-{Guid.NewGuid():N}"[..16], $"pw-{Guid.NewGuid():N}"[..16]);
        var csv = new StringBuilder()
            .AppendLine("bronkenmerk;bsn;voorletters;achternaam;geboortedatum;postcode;gebied;product;eenheid;soort;omvang;frequentie;startdatum;einddatum;beschikkingnummer;beschikkingsdatum")
            .AppendLine($"{good};{bsn};P.;Wiersma;04-07-1948;9712 CD;1;begeleiding;uur;basis;1,5;week;01-01-2028;;;")
            .AppendLine($"{bad};{FreshBsn()};K.;Smit;01-02-1970;9713 EF;2;begeleiding;uur;aanvullend;2;week;01-01-2028;;;")
            .ToString();

        await page.Locator("#conversiebestand").SetInputFilesAsync(new FilePayload { Name = "conversie.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Bestand converteren" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, converteren" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("conversie-samenvatting"))
            .ToHaveTextAsync("2 regels: 1 geconverteerd, 0 al eerder geconverteerd, 1 geweigerd. Nieuwe cliënten: 1.");
        var report = page.GetByRole(AriaRole.Table, new() { Name = "Uitkomst van elke regel van het bestand" });
        await Assertions.Expect(report.Locator("tr", new() { HasText = good })).ToContainTextAsync("Geconverteerd");
        var refused = report.Locator("tr", new() { HasText = bad });
        await Assertions.Expect(refused).ToContainTextAsync("Geweigerd");
        await Assertions.Expect(refused).ToContainTextAsync("Aanvullende ondersteuning heeft een beschikkingnummer en beschikkingsdatum nodig. (kolom beschikkingnummer)");
        await Assertions.Expect(refused.Locator("th")).ToHaveTextAsync("3");
    }

    private static int _counter = Random.Shared.Next(0, 1_000_000);

    /// <summary>A valid BSN outside the demo seeder's ranges (10-40 million) and the server tests' (60 million and up).</summary>
    private static string FreshBsn()
    {
        while (true)
        {
            if (Bsn.Complete((50_000_000 + Interlocked.Increment(ref _counter) % 9_000_000).ToString("D8")) is { } bsn)
            {
                return bsn;
            }
        }
    }
}
