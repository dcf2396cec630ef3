using GonPortal.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Flows;

/// <summary>
/// WCAG 1.4.10 (reflow): at 320 CSS pixels wide every page reads without scrolling sideways. A data table may scroll
/// inside its own region (two-dimensional content is the criterion's exception); the page itself may not.
/// </summary>
public sealed class ReflowTests(PortalHosts hosts, BrowserFixture browser) : PortalTest(hosts, browser)
{
    private const int PhoneWidth = 320;

    public static TheoryData<string> People => [.. RolePages.ByPerson.Keys];

    [Theory]
    [MemberData(nameof(People))]
    public async Task Every_page_fits_320_pixels_without_sideways_scrolling(string email)
    {
        var page = await NewPageAsync(PhoneWidth, 640);
        var failures = new List<string>();
        var first = true;
        foreach (var path in RolePages.ByPerson[email])
        {
            if (first)
            {
                await SignInAsync(page, email, path);
                first = false;
            }
            else
            {
                await page.GotoAsync(path.TrimStart('/'));
            }

            await WaitForContentAsync(page);
            await CollectOverflowAsync(page, path, failures);
            if (AccessibilityTests.AsksPurpose(email, path))
            {
                await page.GetByLabel("Met welk doel bekijkt u deze gegevens?").FillAsync("Controle op telefoonbreedte");
                await page.GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen en verder" }).ClickAsync();
                await Assertions.Expect(page.GetByTestId("doel")).ToBeVisibleAsync();
                await WaitForContentAsync(page);
                await CollectOverflowAsync(page, path + " (na het doel)", failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Pages_without_sign_in_fit_too()
    {
        var page = await NewPageAsync(PhoneWidth, 640);
        var failures = new List<string>();
        foreach (var path in new[] { "/", "/niet-gevonden" })
        {
            await page.GotoAsync(path.TrimStart('/'));
            await WaitForContentAsync(page);
            await CollectOverflowAsync(page, path, failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Pages_reached_by_a_click_fit_too()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/clienten", PhoneWidth);
        var failures = new List<string>();
        await page.Locator("table a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Terug naar cliënten" })).ToBeVisibleAsync();
        await page.Locator("details summary").First.ClickAsync();
        await CollectOverflowAsync(page, "cliënt", failures);

        await page.GetByRole(AriaRole.Link, new() { Name = "Volume, uitvoerder of einddatum wijzigen" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("regeling")).ToBeVisibleAsync();
        await CollectOverflowAsync(page, "ondersteuning wijzigen", failures);

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe ondersteuning vastleggen" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Hoe kwam de cliënt binnen?")).ToBeVisibleAsync();
        await CollectOverflowAsync(page, "nieuwe ondersteuning", failures);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Chart_labels_keep_their_text_size_on_a_phone()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/dashboard", PhoneWidth);
        await Assertions.Expect(page.Locator(".gon-chart-value").First).ToBeVisibleAsync();

        var texts = await page.EvaluateAsync<ChartText[]>("""
            () => [...document.querySelectorAll('.gon-chart-label, .gon-chart-value')].map(el => ({
              text: el.textContent.trim(),
              size: parseFloat(getComputedStyle(el).fontSize),
              right: el.getBoundingClientRect().right,
            }))
            """);

        Assert.NotEmpty(texts);
        Assert.All(texts, t =>
        {
            Assert.True(t.Size >= 12, $"'{t.Text}' is {t.Size}px");
            Assert.True(t.Right <= PhoneWidth, $"'{t.Text}' ends at {t.Right}px");
        });
    }

    public sealed class ChartText
    {
        public string Text { get; set; } = string.Empty;

        public double Size { get; set; }

        public double Right { get; set; }
    }

    [Fact]
    public async Task On_a_phone_the_menu_folds_away_and_opens_with_its_button()
    {
        var page = await OpenAsSignedInAsync(Hoofdaanbieder, "/dashboard", PhoneWidth);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        var toggle = menu.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Cliënten" })).ToBeHiddenAsync();

        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await menu.GetByRole(AriaRole.Link, new() { Name = "Cliënten" }).ClickAsync();

        await Assertions.Expect(Heading(page, "Cliënten")).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");

        // On a wide screen there is no button: the links are simply there.
        var wide = await OpenAsSignedInAsync(Hoofdaanbieder, "/dashboard");
        await Assertions.Expect(wide.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToBeHiddenAsync();
        await Assertions.Expect(wide.GetByRole(AriaRole.Link, new() { Name = "Cliënten" })).ToBeVisibleAsync();
    }

    private static async Task WaitForContentAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".gon-loading")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The page is too wide when the document scrolls sideways; the report names the widest elements that stick out
    /// and are not inside a region that scrolls on its own, so the fix is obvious.
    /// </summary>
    private static async Task CollectOverflowAsync(IPage page, string path, List<string> failures)
    {
        var report = await page.EvaluateAsync<string>("""
            () => {
              const doc = document.documentElement;
              if (doc.scrollWidth <= window.innerWidth) return '';
              const scrollsItself = el => {
                for (let p = el.parentElement; p; p = p.parentElement) {
                  const o = getComputedStyle(p).overflowX;
                  if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
                }
                return false;
              };
              const out = [...document.body.querySelectorAll('*')]
                .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1 && !scrollsItself(el))
                .slice(0, 4)
                .map(el => `<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(el.getBoundingClientRect().right)}px`);
              return `${doc.scrollWidth}px breed: ${out.join('; ')}`;
            }
            """);
        if (!string.IsNullOrEmpty(report))
        {
            failures.Add($"{path}: {report}");
        }
    }
}
