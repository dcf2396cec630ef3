using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Infrastructure;

/// <summary>
/// Steps of the access process as people do them in the browser, shared by the access tests: a resident with a name and
/// BSN of its own (the hosts are shared by all tests), registered and referred by WIJ.
/// </summary>
internal static class AccessSteps
{
    /// <summary>A made-up resident: a surname no demo client has, and a BSN that passes the elfproef.</summary>
    public sealed record Resident(string GivenNames, string Surname, string Bsn)
    {
        public static Resident New()
        {
            var letters = string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6).Select(c => (char)(c - 'a' + 'k')));
            return new Resident("Anna", "Toegang" + letters, ValidBsn());
        }
    }

    /// <summary>Eight random digits completed with the check digit of the elfproef (9..2 weights, -1 for the last).</summary>
    public static string ValidBsn()
    {
        while (true)
        {
            var digits = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (9 - i) * (digits[i] - '0');
            }

            var check = sum % 11;
            if (check <= 9)
            {
                return digits + (char)('0' + check);
            }
        }
    }

    /// <summary>Fills step 1 on /aanmelden (WIJ) or /clienten/nieuw (hoofdaanbieder) with a resident in West.</summary>
    public static async Task FillResidentAsync(IPage page, Resident resident, string? bsn = null, string dateOfBirth = "1984-05-17")
    {
        await page.GetByLabel("Gebied", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "West" });
        await page.GetByLabel("BSN").FillAsync(bsn ?? resident.Bsn);
        await page.GetByLabel("Voornamen").FillAsync(resident.GivenNames);
        await page.GetByLabel("Achternaam").FillAsync(resident.Surname);
        await page.GetByLabel("Geboortedatum").FillAsync(dateOfBirth);
        await page.GetByLabel("Postcode").FillAsync("9741 AB");
    }

    /// <summary>WIJ registers the resident in West and refers them to the hoofdaanbieder of West (Stadse Zorgcombinatie).</summary>
    public static async Task RegisterAndReferAsync(IPage wij, Resident resident)
    {
        await wij.GotoAsync("aanmelden");
        await Assertions.Expect(wij.GetByLabel("BSN")).ToBeVisibleAsync();
        await FillResidentAsync(wij, resident);
        await wij.GetByRole(AriaRole.Button, new() { Name = "Inwoner aanmelden" }).ClickAsync();
        await Assertions.Expect(wij.GetByRole(AriaRole.Heading, new() { Name = $"Stap 2: Anna {resident.Surname} verwijzen" })).ToBeVisibleAsync();

        await wij.GetByLabel("WIJ-team (optioneel)").FillAsync("WIJ Vinkhuizen");
        await wij.GetByLabel("Doelen").FillAsync("Houdt een vaste dagstructuur aan\nDoet zelf de boodschappen");
        await wij.GetByLabel("Begeleiding").CheckAsync();
        await wij.GetByRole(AriaRole.Button, new() { Name = "Verwijzen naar de hoofdaanbieder" }).ClickAsync();
        await Assertions.Expect(wij.GetByRole(AriaRole.Alert).Filter(new() { HasText = "is verwezen naar" }))
            .ToContainTextAsync($"Anna {resident.Surname} is verwezen naar Stadse Zorgcombinatie");
    }

    /// <summary>The row of a list page that mentions the text, paging on ("Volgende") until it shows.</summary>
    public static async Task<ILocator> RowAsync(IPage page, string text)
    {
        var row = page.Locator("tbody tr", new() { HasText = text });
        var rows = page.Locator("tbody tr");
        // The circuit renders after the first response: wait for the list itself before deciding to page on.
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        for (var i = 0; i < 30 && await row.CountAsync() == 0; i++)
        {
            var next = page.GetByRole(AriaRole.Button, new() { Name = "Volgende" });
            if (await next.CountAsync() == 0 || await next.IsDisabledAsync())
            {
                break;
            }

            var first = await rows.First.InnerTextAsync();
            await next.ClickAsync();
            // The next page has arrived when its first row is another one.
            await Assertions.Expect(rows.First).Not.ToHaveTextAsync(first);
        }

        await Assertions.Expect(row).ToHaveCountAsync(1);
        return row;
    }

    /// <summary>The hoofdaanbieder accepts the referral from its queue and follows the link to record the decision.</summary>
    public static async Task AcceptAndDecideAanvullendAsync(IPage hoofdaanbieder, Resident resident)
    {
        await hoofdaanbieder.GotoAsync("verwijzingen/ontvangen");
        var row = await RowAsync(hoofdaanbieder, resident.Surname);
        await row.GetByRole(AriaRole.Button, new() { Name = "Accepteren" }).ClickAsync();
        var done = hoofdaanbieder.GetByTestId("gedaan");
        await Assertions.Expect(done).ToContainTextAsync($"De verwijzing van Anna {resident.Surname} is geaccepteerd.");
        await done.GetByRole(AriaRole.Link, new() { Name = "Ondersteuning vastleggen" }).ClickAsync();

        await Assertions.Expect(hoofdaanbieder.GetByLabel("Hoe kwam de cliënt binnen?")).ToHaveValueAsync("WijReferral");
        await hoofdaanbieder.GetByLabel("Soort ondersteuning").SelectOptionAsync(new SelectOptionValue { Label = "aanvullend" });
        await hoofdaanbieder.GetByLabel("Volume in uren").FillAsync("3,5");
        await hoofdaanbieder.GetByLabel("Einddatum (leeg: onbepaalde tijd)").FillAsync("2028-12-31");
        await hoofdaanbieder.GetByRole(AriaRole.Button, new() { Name = "Aanvraag en besluit vastleggen" }).ClickAsync();

        await Assertions.Expect(hoofdaanbieder.GetByRole(AriaRole.Heading, new() { Name = $"Anna {resident.Surname}", Level = 1 })).ToBeVisibleAsync();
        var card = hoofdaanbieder.Locator(".gon-arrangement");
        await Assertions.Expect(card).ToContainTextAsync("Wacht op WIJ");
        await Assertions.Expect(card.GetByTestId("volgende-stap")).ToContainTextAsync("Daarna legt de gemeente de beschikking vast");
        await Assertions.Expect(card).ToContainTextAsync("3,5 uur");
    }
}
