using GonPortal.Portal.Tests.Infrastructure;
using GonPortal.HostContracts;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>A session that is gone (cookies dropped, as after expiry) sends the person to sign in and then back to the page asked for.</summary>
public sealed class SessionTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task A_lost_session_signs_in_again_and_returns_to_the_page()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/clienten");
        await Assertions.Expect(Heading(page, "Cliënten")).ToBeVisibleAsync();

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("onderaanneming");

        // Identity's login page, not the portal: the portal sent the person to sign in.
        await Assertions.Expect(page.Locator("input[name='Input.Email']")).ToBeVisibleAsync();
        await page.FillAsync("input[name='Input.Email']", Hoofdaanbieder);
        await page.FillAsync("input[name='Input.Password']", DemoData.Password);
        await page.ClickAsync("button[type=submit]");
        await EnterCodeAsync(page, Totp.Code(DemoData.AuthenticatorKey)); // the demo hoofdaanbieder is its administrator

        await Assertions.Expect(Heading(page, "Onderaanneming")).ToBeVisibleAsync();
        Assert.EndsWith("/onderaanneming", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }
}
