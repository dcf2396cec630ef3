using System.Net;
using System.Text.RegularExpressions;

namespace GonPortal.Server.Tests.Identity;

/// <summary>Identity's login form, posted like a browser would: GET for the antiforgery token, then POST.</summary>
internal static partial class LoginForm
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient Browser(Uri identity) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = identity };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string email, string password)
    {
        var page = await browser.GetStringAsync("Account/Login?ReturnUrl=%2F");
        return await browser.PostAsync("Account/Login?ReturnUrl=%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["ReturnUrl"] = "/",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        }));
    }
}
