using System.Net;
using System.Text.RegularExpressions;
using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Dashboard;

/// <summary>
/// A browser stand-in: keeps cookies for both hosts (like a browser, per host and not per port), follows
/// redirects itself so tests can see every hop, and fills in Identity's login form (and the code step, with the demo authenticator key) when it lands on it.
/// </summary>
internal sealed partial class Browser(Uri identityUrl) : IDisposable
{
    public Browser(GonHosts hosts)
        : this(hosts.IdentityUrl)
    {
    }

    private const int MaxHops = 12;

    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Every URL requested by the last <see cref="NavigateAsync"/>, in order.</summary>
    public List<Uri> Visited { get; } = [];

    public HttpClient Http => _http;

    /// <summary>
    /// GETs <paramref name="url"/> and follows redirects; signs in as <paramref name="signInAs"/> when Identity asks.
    /// A redirect to a URL starting with <paramref name="stopAt"/> is returned instead of followed (e.g. to a client that is not running).
    /// </summary>
    public async Task<HttpResponseMessage> NavigateAsync(Uri url, string? signInAs = null, string? stopAt = null)
    {
        Visited.Clear();
        for (var hop = 0; hop < MaxHops; hop++)
        {
            Visited.Add(url);
            var response = await _http.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                var next = new Uri(url, response.Headers.Location!);
                if (stopAt is not null && next.AbsoluteUri.StartsWith(stopAt, StringComparison.Ordinal))
                {
                    return response;
                }

                url = next;
                response.Dispose();
                continue;
            }

            if (signInAs is not null && response.StatusCode == HttpStatusCode.OK && IsIdentityLoginPage(url))
            {
                var page = await response.Content.ReadAsStringAsync();
                response.Dispose();
                url = await SubmitLoginAsync(url, page, signInAs);
                signInAs = null;
                continue;
            }

            return response;
        }

        throw new InvalidOperationException($"More than {MaxHops} redirects: {string.Join(" -> ", Visited)}");
    }

    /// <summary>
    /// Posts the page's only form with its hidden fields (antiforgery token included), as a click on its button
    /// would, then follows the redirects like <see cref="NavigateAsync"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(Uri pageUrl, string html)
    {
        var action = new Uri(pageUrl, WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value));
        var fields = HiddenInput().Matches(html)
            .Select(input => (Name: Attribute(input.Value, "name"), Value: Attribute(input.Value, "value")))
            .Select(field => new KeyValuePair<string, string>(field.Name, field.Value));
        var response = await _http.PostAsync(action, new FormUrlEncodedContent(fields));
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
        {
            return response;
        }

        var next = new Uri(action, response.Headers.Location!);
        response.Dispose();
        return await NavigateAsync(next);
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    private static string Attribute(string tag, string name) =>
        WebUtility.HtmlDecode(Regex.Match(tag, $"\\b{name}=\"([^\"]*)\"").Groups[1].Value);

    private bool IsIdentityLoginPage(Uri url) =>
        url.Authority == identityUrl.Authority && url.AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase);

    private async Task<Uri> SubmitLoginAsync(Uri loginUrl, string page, string email)
    {
        var returnUrl = Uri.UnescapeDataString(loginUrl.Query.Split("ReturnUrl=")[1]);
        using var response = await _http.PostAsync(loginUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = HostContracts.DemoData.Password,
            ["ReturnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login as {email} failed: {(int)response.StatusCode}");
        if (!Identity.LoginForm.IsCodeStep(response))
        {
            return new Uri(loginUrl, response.Headers.Location!);
        }

        // Two-factor: the code the demo key gives now, as the person's authenticator app would show it.
        using var code = await Identity.LoginForm.SubmitCodeAsync(_http, new Uri(loginUrl, response.Headers.Location!), Totp.Code(HostContracts.DemoData.AuthenticatorKey));
        Assert.True(code.StatusCode == HttpStatusCode.Redirect, $"Code step as {email} failed: {(int)code.StatusCode}");
        return new Uri(loginUrl, code.Headers.Location!);
    }

    public void Dispose() => _http.Dispose();
}
