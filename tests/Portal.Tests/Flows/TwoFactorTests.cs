using GonPortal.HostContracts;
using GonPortal.Identity.Data;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// Two-factor sign-in in the browser: a gemeente person without an authenticator app is walked through enrolment
/// (key read from the page, code computed as the app would) and lands in the portal; every new Identity page passes axe.
/// </summary>
public sealed class TwoFactorTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task A_gemeente_person_enrols_the_authenticator_and_signs_in_to_the_portal()
    {
        var (email, name) = await CreateGemeenteUserAsync();
        var page = await NewPageAsync();
        await page.GotoAsync($"account/login?returnUrl={Uri.EscapeDataString("/")}");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", DemoData.Password);
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(Heading(page, "Tweestapsverificatie instellen")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-code om GonPortal aan de authenticator-app toe te voegen" })).ToBeVisibleAsync();
        Assert.True(await page.Locator("img.qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code does not load (Content-Security-Policy?)");
        await AccessibilityTests.AssertNoViolationsAsync(page, "Tweestapsverificatie instellen");
        var key = (await page.GetByTestId("sleutel").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);

        // A wrong code first: a clear message, and still the enrolment page.
        await EnterCodeAsync(page, Totp.Code(key) == "000000" ? "111111" : "000000");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Deze code klopt niet.");
        await AccessibilityTests.AssertNoViolationsAsync(page, "Tweestapsverificatie instellen (foute code)");

        await EnterCodeAsync(page, Totp.Code(key));
        await Assertions.Expect(page.GetByTestId("herstelcodes").Locator("li")).ToHaveCountAsync(10);
        await AccessibilityTests.AssertNoViolationsAsync(page, "Herstelcodes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Doorgaan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("aangemeld")).ToContainTextAsync(name);

        // The portal's header leads to the settings at Identity.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tweestapsverificatie", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Tweestapsverificatie staat aan.");
        await Assertions.Expect(page.GetByTestId("herstelcodes-over")).ToContainTextAsync("U hebt nog 10 herstelcodes.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie uitzetten" })).ToHaveCountAsync(0);
        await AccessibilityTests.AssertNoViolationsAsync(page, "Tweestapsverificatie (beheer)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het portaal" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("aangemeld")).ToContainTextAsync(name);
    }

    [Fact]
    public async Task The_code_page_has_no_wcag_2_1_aa_violations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"account/login?returnUrl={Uri.EscapeDataString("/")}");
        await page.FillAsync("input[name='Input.Email']", Gemeente);
        await page.FillAsync("input[name='Input.Password']", DemoData.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(Heading(page, "Code invullen")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolationsAsync(page, "Code invullen");

        await EnterCodeAsync(page, "12345x");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Deze code klopt niet.");
        await AccessibilityTests.AssertNoViolationsAsync(page, "Code invullen (foute code)");

        await EnterCodeAsync(page, Totp.Code(DemoData.AuthenticatorKey));
        await Assertions.Expect(page.GetByTestId("aangemeld")).ToContainTextAsync("Anna de Vries");
    }

    [Fact]
    public async Task The_settings_page_of_someone_without_two_factor_has_no_wcag_2_1_aa_violations()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, Hoofdaanbieder);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tweestapsverificatie", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Tweestapsverificatie staat uit.");
        await AccessibilityTests.AssertNoViolationsAsync(page, "Tweestapsverificatie (uit)");
    }

    private async Task<(string Email, string Name)> CreateGemeenteUserAsync()
    {
        var email = $"test-{Guid.NewGuid():N}@gemeente.test";
        const string Name = "Test Gemeente";
        await using var scope = Hosts.IdentityServices.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GonUser>>();
        var result = await users.CreateAsync(new GonUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = Name,
            OrganisationId = DemoData.Gemeente.Id,
            OrganisationName = DemoData.Gemeente.Name,
            Role = DemoData.Gemeente.Role,
        }, DemoData.Password);
        Assert.True(result.Succeeded);
        return (email, Name);
    }
}
