using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// An organisation's administrator registers a care system: the secret is shown once with a warning, a new secret
/// says until when the old one works, and revoking asks first.
/// </summary>
public sealed class MachineClientFlowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    [Fact]
    public async Task An_administrator_registers_rotates_and_revokes_a_machine_client()
    {
        var name = $"ECD test {Guid.NewGuid().ToString("N")[..6]}";
        var page = await OpenAsSignedInAsync("planner@noorderlicht.demo", "/beheer/koppelingen");
        await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);

        // No name: the Server's complaint next to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Koppeling registreren" }).ClickAsync();
        await Assertions.Expect(page.Locator("#koppeling-naam-fout")).ToContainTextAsync("Vul een naam in");

        await page.GetByLabel("Naam van het systeem").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Koppeling registreren" }).ClickAsync();
        var secret = page.GetByTestId("geheim");
        await Assertions.Expect(secret).ToContainTextAsync("U ziet het maar één keer");
        Assert.False(string.IsNullOrWhiteSpace(await page.GetByLabel("Geheim", new() { Exact = true }).InputValueAsync()));
        Assert.False(string.IsNullOrWhiteSpace(await page.GetByLabel("Client-id", new() { Exact = true }).InputValueAsync()));
        await AccessibilityTests.AssertNoViolationsAsync(page, "Koppeling geregistreerd (geheim)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ik heb het geheim bewaard" }).ClickAsync();
        await Assertions.Expect(secret).ToHaveCountAsync(0);
        var row = page.GetByRole(AriaRole.Row, new() { Name = name });
        await Assertions.Expect(row).ToContainTextAsync("Actief");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Geheim vernieuwen {name}" }).ClickAsync();
        await Assertions.Expect(secret).ToContainTextAsync("Het oude geheim werkt nog tot");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ik heb het geheim bewaard" }).ClickAsync();
        await Assertions.Expect(row).Not.ToContainTextAsync("Nooit");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Intrekken {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Intrekken is definitief")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, intrekken" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Ingetrokken op");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Intrekken {name}" })).ToHaveCountAsync(0);
    }
}
