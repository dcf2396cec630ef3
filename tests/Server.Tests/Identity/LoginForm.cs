using System.Net;
using System.Text.RegularExpressions;
using GonPortal.HostContracts;
using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Identity;

/// <summary>Identity's login form, posted like a browser would: GET for the antiforgery token, then POST.</summary>
internal static partial class LoginForm
{
    public const string CodePagePath = "/Account/LoginCode";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient Browser(Uri identity) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = identity };

    /// <summary>The password step and, for a demo user who has two-factor, the code step with a code from the demo key.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string email, string password)
    {
        var page = await browser.GetStringAsync("Account/Login?ReturnUrl=%2F");
        var response = await browser.PostAsync("Account/Login?ReturnUrl=%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["ReturnUrl"] = "/",
            ["__RequestVerificationToken"] = Antiforgery(page),
        }));
        if (!IsCodeStep(response))
        {
            return response;
        }

        using (response)
        {
            return await SubmitCodeAsync(browser, new Uri(browser.BaseAddress!, response.Headers.Location!), Totp.Code(DemoData.AuthenticatorKey));
        }
    }

    /// <summary>True when the password was right and Identity now asks for the code from the app.</summary>
    public static bool IsCodeStep(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location is { } location
        && location.OriginalString.StartsWith(CodePagePath, StringComparison.OrdinalIgnoreCase);

    /// <summary>GETs a code page (sign-in code or enrolment) and posts <paramref name="code"/> with its antiforgery token and return URL.</summary>
    public static async Task<HttpResponseMessage> SubmitCodeAsync(HttpClient browser, Uri codePage, string code)
    {
        var page = await browser.GetStringAsync(codePage);
        var returnUrl = WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value);
        return await browser.PostAsync(codePage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["ReturnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = Antiforgery(page),
        }));
    }

    public static string Antiforgery(string page) => AntiforgeryField().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
