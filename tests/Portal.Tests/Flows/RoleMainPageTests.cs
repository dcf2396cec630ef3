using GonPortal.Portal.Tests.Infrastructure;
using GonPortal.HostContracts;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>Each role signs in through Identity and lands on its own main page, with who and which organisation in the header.</summary>
public sealed class RoleMainPageTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    public static TheoryData<string, string, string> Roles => new()
    {
        { Hoofdaanbieder, "dashboard", "Dashboard" },
        { Onderaannemer, "opdrachten", "Opdrachten" },
        { Gemeente, "overzicht", "Overzicht gebieden" },
        { Wij, "verwijzingen", "Verwijzingen" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Signs_in_and_lands_on_the_roles_main_page(string email, string path, string heading)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{path}$"));
        await Assertions.Expect(Heading(page, heading)).ToBeVisibleAsync();
        var user = DemoData.Users.Single(u => u.Email == email);
        await Assertions.Expect(page.GetByTestId("aangemeld")).ToContainTextAsync(DemoData.Organisation(user.OrganisationId).Name);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_hoofdaanbieder_dashboard_shows_shares_and_volumes_with_their_figures_as_a_table()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/dashboard");

        await Assertions.Expect(page.GetByText("Basisaandeel").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Basisaandeel en initiatiefaandeel tegen het doel" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Toegewezen, geleverd, nog te beoordelen en tekort per product" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await OpenAsSignedInAsync(Wij, "/verwijzingen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Uitloggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();

        // Identity signs out only on its confirmation form's POST, never on the redirect's GET.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connect/endsession"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" })).ToBeVisibleAsync();
    }
}
