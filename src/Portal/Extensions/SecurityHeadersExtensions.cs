using GonPortal.Portal.Authentication;
using Microsoft.AspNetCore.CookiePolicy;

namespace GonPortal.Portal.Extensions;

/// <summary>
/// Security headers for every portal response. Scripts only from the portal itself: blazor.web.js and the
/// reconnect module are files, and App.razor has no inline script (hence no &lt;ImportMap /&gt;, which is one).
/// Styles allow 'unsafe-inline' because Blazor renders style attributes; connect-src 'self' covers the circuit's
/// WebSocket on the same host. form-action names Identity because the sign-out form redirects there, and
/// browsers check a form's redirects against form-action too.
/// </summary>
public static class SecurityHeadersExtensions
{
    public static string ContentSecurityPolicy(Uri identityAuthority) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        $"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' {identityAuthority.GetLeftPart(UriPartial.Authority)}; " +
        "frame-ancestors 'none'";

    /// <summary>Also makes every cookie (antiforgery's included) Secure whenever the request came over https.</summary>
    public static WebApplication UsePortalSecurityHeaders(this WebApplication app)
    {
        var identity = app.Configuration.GetSection(PortalIdentityOptions.SectionName).Get<PortalIdentityOptions>() ?? new PortalIdentityOptions();
        var policy = ContentSecurityPolicy(new Uri(identity.Authority, UriKind.Absolute));
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return next();
        });
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
        return app;
    }
}
