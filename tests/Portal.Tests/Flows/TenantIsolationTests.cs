using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>A person of another tenant who types the URL of a foreign client sees the ordinary not-found page.</summary>
public sealed class TenantIsolationTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task A_foreign_client_url_gives_the_not_found_page()
    {
        var owner = await OpenAsSignedInAsync(Hoofdaanbieder, "/clienten");
        var firstClient = owner.Locator("table a[href^='clienten/']").First;
        var href = await firstClient.GetAttributeAsync("href");
        await firstClient.ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Link, new() { Name = "Terug naar cliënten" })).ToBeVisibleAsync();

        var other = await OpenAsSignedInAsync(OtherHoofdaanbieder, "/" + href);
        await Assertions.Expect(Heading(other, "Pagina niet gevonden")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByText("Terug naar cliënten")).ToHaveCountAsync(0);
    }
}
