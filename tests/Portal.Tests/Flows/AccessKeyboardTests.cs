using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static GonPortal.Portal.Tests.Infrastructure.AccessSteps;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>Accepting a referral and going on to record the support, with the keyboard only.</summary>
public sealed class AccessKeyboardTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task Accept_a_referral_and_open_the_decision_with_the_keyboard_only()
    {
        var resident = Resident.New();
        var wij = await OpenAsSignedInAsync(Wij, "/aanmelden");
        await RegisterAndReferAsync(wij, resident);

        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/verwijzingen/ontvangen");
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = resident.Surname })).ToHaveCountAsync(1);

        // From the heading, Tab reaches the row's "Accepteren" button (its name carries the client's name).
        var target = $"Accepteren {resident.GivenNames} {resident.Surname}";
        var seen = new List<string>();
        for (var i = 0; i < 150 && !await FocusedIsAsync(page, "button", target); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            seen.Add(await page.EvaluateAsync<string>("() => document.activeElement?.textContent?.replace(/\\s+/g, ' ').trim().slice(0, 60) ?? ''"));
        }

        Assert.True(await FocusedIsAsync(page, "button", target),
            "Tab never reached the Accepteren button of the referral; it passed: " + string.Join(" | ", seen));
        await page.Keyboard.PressAsync("Enter");

        // Focus moves to what happened; the next Tab is its link to the decision.
        var done = page.GetByTestId("gedaan");
        await Assertions.Expect(done).ToContainTextAsync("is geaccepteerd");
        await Assertions.Expect(done).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(done.GetByRole(AriaRole.Link, new() { Name = "Ondersteuning vastleggen" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Heading(page, "Ondersteuning vastleggen")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Verwijzing van WIJ")).ToContainTextAsync("WIJ Vinkhuizen");
    }

    private static Task<bool> FocusedIsAsync(IPage page, string selector, string text) =>
        page.EvaluateAsync<bool>(
            "([selector, text]) => document.activeElement?.matches(selector) === true && document.activeElement.textContent.replace(/\\s+/g, ' ').trim() === text",
            new[] { selector, text });
}
