using System.Text.RegularExpressions;
using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// Nothing English from the Server and no raw id reaches a person's screen: every page of every role
/// (the accessibility list, which must cover every @page route) is scanned for a GUID and for words of
/// the Server's English messages, and a few refusals are provoked to see them come out in Dutch.
/// </summary>
public sealed partial class ScreenTextTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    /// <summary>The statement detail page, reached from the first statement of December 2027.</summary>
    private const string StatementDetail = "/specificaties/eerste/2027/12";

    public static TheoryData<string?, string> Pages()
    {
        var pages = new TheoryData<string?, string>();
        foreach (var row in AccessibilityTests.Pages)
        {
            pages.Add(row.Data.Item1, row.Data.Item2);
        }
        pages.Add(Hoofdaanbieder, StatementDetail);
        pages.Add(null, "/fout");
        return pages;
    }

    [Fact]
    public void Every_routed_page_is_scanned()
    {
        var scanned = Pages().Select(row => row.Data.Item2.Split('?')[0]).ToList();
        var templates = typeof(GonPortal.Portal.Components.App).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(RouteAttribute), false).Cast<RouteAttribute>())
            .Select(r => r.Template)
            .Distinct()
            .ToList();
        Assert.NotEmpty(templates);
        var missing = templates
            .Where(t => !scanned.Any(p => Regex.IsMatch(p, "^" + Parameter().Replace(t, "[^/]+") + "$")))
            .ToList();
        Assert.True(missing.Count == 0, "Pages not scanned (add them to AccessibilityTests.Pages): " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_shows_no_raw_id_and_no_english_server_text(string? email, string path)
    {
        var page = await NewPageAsync();
        if (path == StatementDetail)
        {
            // A statement of December 2027 when a run made one, else the page for an id it does not know
            // (which must not echo that id either).
            await SignInAsync(page, email!, "/specificaties?jaar=2027&maand=12");
            await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);
            var statement = page.Locator("table a");
            if (await statement.CountAsync() > 0)
            {
                await statement.First.ClickAsync();
            }
            else
            {
                await page.GotoAsync($"specificaties/{System.Guid.NewGuid()}/2027/12");
            }
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);
        }
        else
        {
            await AccessibilityTests.OpenAsync(page, email, path);
        }
        await AssertReadableAsync(page, path);
        if (AccessibilityTests.AsksPurpose(email, path))
        {
            await AccessibilityTests.GivePurposeAsync(page, "Controle op schermteksten");
            await AssertReadableAsync(page, path + " (na het doel)");
        }
    }

    [Fact]
    public async Task A_refused_field_and_a_month_that_has_not_ended_are_said_in_dutch()
    {
        var coordinator = await OpenAsSignedInAsync(Hoofdaanbieder, "/onderaanneming/nieuw");
        await coordinator.GetByLabel("Onderaannemer").SelectOptionAsync(new SelectOptionValue { Label = "Dagbesteding Het Atelier" });
        await coordinator.GetByLabel("Product (tarief 1)").SelectOptionAsync(new SelectOptionValue { Label = "Dagbesteding" });
        await coordinator.GetByLabel("Eenheid (tarief 1)").SelectOptionAsync(new SelectOptionValue { Label = "dagdeel" });
        await coordinator.GetByLabel("Tarief in euro (tarief 1)").FillAsync("48,50");
        await coordinator.GetByLabel("Geldig vanaf").FillAsync("2028-02-01");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Voorstellen", Exact = true }).ClickAsync();
        // One field is wrong: the sentence says so in the singular, and the field says what to do.
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Alert)).ToContainTextAsync("1 veld is niet goed");
        await Assertions.Expect(coordinator.Locator("#gebieden-fout")).ToContainTextAsync("Kies een of meer gebieden");
        await AssertReadableAsync(coordinator, "onderaanneming voorstellen zonder gebied");

        var gemeente = await OpenAsSignedInAsync(Gemeente, "/afrekening");
        await AccessibilityTests.GivePurposeAsync(gemeente, "Controle op foutmeldingen");
        await gemeente.GetByLabel("Soort berekening").SelectOptionAsync(new SelectOptionValue { Label = "Specificaties onderaannemers (maand)" });
        await gemeente.GetByLabel("Jaar").FillAsync("2028");
        await gemeente.GetByLabel("Maand").SelectOptionAsync(new SelectOptionValue { Label = "maart" });
        await gemeente.GetByRole(AriaRole.Button, new() { Name = "Run starten" }).ClickAsync();
        await Assertions.Expect(gemeente.GetByRole(AriaRole.Alert)).ToContainTextAsync("maart 2028 is nog niet voorbij");
        await AssertReadableAsync(gemeente, "een run van een maand die niet voorbij is");
    }

    /// <summary>Fails naming the page and the offending text when a GUID or an English server phrase is on screen.</summary>
    private static async Task AssertReadableAsync(IPage page, string what)
    {
        var text = await page.Locator("body").InnerTextAsync();
        var guids = Guid().Matches(text).Select(m => m.Value).Distinct().Take(3).ToList();
        Assert.True(guids.Count == 0, $"{what}: raw id on screen: {string.Join(", ", guids)}");
        var english = English().Matches(text).Select(m => Around(text, m.Index)).Distinct().Take(3).ToList();
        Assert.True(english.Count == 0, $"{what}: English server text on screen: {string.Join(" | ", english)}");
    }

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 40);
        return text[start..Math.Min(text.Length, index + 60)].ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();

    /// <summary>Common words of the Server's English messages (and of a raw gRPC status).</summary>
    [GeneratedRegex(@"\b(must|not found|invalid|cannot|is required|needs|StatusCode)\b|Status\(", RegexOptions.IgnoreCase)]
    private static partial Regex English();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
