using GonPortal.Portal.Tests.Infrastructure;
using GonPortal.HostContracts;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>Signing in, searching a client and opening it, with the keyboard only.</summary>
public sealed class KeyboardTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task Sign_in_search_and_open_a_client_with_the_keyboard_only()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("clienten"); // not signed in: the portal sends the person to Identity and back

        // Identity's login page focuses the e-mail field.
        await page.WaitForSelectorAsync("input[name='Input.Email']:focus");
        await page.Keyboard.TypeAsync(Hoofdaanbieder);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoData.Password);
        await page.Keyboard.PressAsync("Enter");
        // The demo hoofdaanbieder is its administrator, so the code step follows; it focuses the code field.
        await page.WaitForSelectorAsync("input[name='Input.Code']:focus");
        await page.Keyboard.TypeAsync(Totp.Code(DemoData.AuthenticatorKey));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Heading(page, "Cliënten")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table a").First).ToBeVisibleAsync();

        // Focus starts on the page's heading; going back reaches the skip link, which jumps to the content.
        await Assertions.Expect(Heading(page, "Cliënten")).ToBeFocusedAsync();
        for (var i = 0; i < 40 && !await page.EvaluateAsync<bool>("() => document.activeElement?.matches('.utrecht-skip-link') === true"); i++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
        }

        await Assertions.Expect(page.Locator(".utrecht-skip-link")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".utrecht-skip-link")).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Naam")).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync("de");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("table a").First).ToBeVisibleAsync();

        for (var i = 0; i < 25 && !await page.EvaluateAsync<bool>("() => document.activeElement?.matches('table a') === true"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var name = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Heading(page, name.Trim())).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Terug naar cliënten" })).ToBeVisibleAsync();
    }
}
