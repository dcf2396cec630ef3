namespace GonPortal.Identity.Hardening;

/// <summary>
/// Response headers for every page and protocol answer. Identity's own pages have no scripts; the one inline
/// script allowed is OpenIddict's response_mode=form_post page (<c>document.form.submit();</c>, which the portal's
/// sign-in uses), by its hash, so no other inline script can run. The layout's inline &lt;style&gt; is why styles
/// allow 'unsafe-inline'. No form-action: the login and sign-out forms end in redirects to the clients, which
/// browsers check against it.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>Base64 SHA-256 of OpenIddict 7's form_post script; the portal's browser tests fail if it changes.</summary>
    public const string FormPostScriptHash = "sha256-j7OoGArf6XW6YY4cAyS3riSSvrJRqpSi1fOF9vQ5SrI=";

    public const string ContentSecurityPolicy =
        $"default-src 'self'; script-src 'self' '{FormPostScriptHash}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static Task AddAsync(HttpContext http, Func<Task> next)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        // Authorization and login URLs carry state and return addresses; they should not leak to other sites.
        headers["Referrer-Policy"] = "no-referrer";
        return next();
    }
}
