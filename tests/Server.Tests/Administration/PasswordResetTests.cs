using System.Net;
using System.Text.RegularExpressions;
using GonPortal.Contracts.V1;
using GonPortal.Identity.Email;
using GonPortal.Identity.Pages.Account;
using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Administration;

/// <summary>"Wachtwoord vergeten?": a reset link by e-mail for a real account, the same answer (and no e-mail) for an unknown address.</summary>
public abstract partial class PasswordResetTests(GonHosts hosts)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task A_person_resets_their_password_by_e_mail_and_an_unknown_address_learns_nothing()
    {
        hosts.RequireAvailable();
        var scenario = new OnboardingScenario(hosts);
        var email = OnboardingScenario.FreshEmail("vergeten");
        await scenario.InviteActive("planner@atelier.demo", "", email, administrator: false);

        var login = await PersonSignIn.GetPageAsync(new Uri(hosts.IdentityUrl, "Account/Login"));
        Assert.Contains("Wachtwoord vergeten?", login);

        var unknown = OnboardingScenario.FreshEmail("onbekend");
        var unknownAnswer = await RequestReset(unknown);
        var knownAnswer = await RequestReset(email);
        Assert.Contains("reset-sent", knownAnswer);
        Assert.Equal(Normalise(unknownAnswer), Normalise(knownAnswer));

        var mail = await hosts.Mailbox.WaitForAsync(email, AccountEmails.ResetSubject);
        Assert.Empty(hosts.Mailbox.For(unknown, AccountEmails.ResetSubject));
        var link = TestMailbox.Link(mail, "/Account/ResetPassword");

        Assert.Contains("reset-done", await PersonSignIn.ChoosePasswordAsync(link, "Weer-nieuw-2028!"));
        Assert.Null(await PersonSignIn.TrySignInAsync(hosts, email, OnboardingScenario.NewPassword));
        await PersonSignIn.SignInAsync(hosts, email, "Weer-nieuw-2028!");

        // The token is bound to the security stamp: used once, it no longer works.
        Assert.Contains(WebUtility.HtmlEncode(ResetPasswordModel.InvalidText), await PersonSignIn.ChoosePasswordAsync(link, "Nog-een-keer-2028!"));
    }

    private async Task<string> RequestReset(string email)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = hosts.IdentityUrl };
        var page = await browser.GetStringAsync("Account/ForgotPassword");
        using var response = await browser.PostAsync("Account/ForgotPassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page without its per-request antiforgery token, to compare two answers.</summary>
    private static string Normalise(string page) => AntiforgeryField().Replace(page, "");
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePasswordResetTests(SqliteHosts hosts) : PasswordResetTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPasswordResetTests(PostgresHosts hosts) : PasswordResetTests(hosts);
