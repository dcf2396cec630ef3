namespace GonPortal.Identity.Hardening;

/// <summary>
/// Response headers for every page and protocol answer. The pages have no scripts at all; the layout's
/// inline &lt;style&gt; is the only inline content, so styles (not scripts) allow 'unsafe-inline'.
/// No form-action: the login and sign-out forms end in redirects to the clients, which browsers check against it.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
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
