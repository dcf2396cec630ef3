using GonPortal.Identity.Hardening;
using Microsoft.AspNetCore.CookiePolicy;

namespace GonPortal.Identity.Extensions;

public static class SecurityExtensions
{
    /// <summary>
    /// Security headers, HSTS and Secure cookies. HSTS and Secure only take effect on https requests (and HSTS
    /// never for localhost), so local runs and tests on plain http loopback keep working.
    /// </summary>
    public static WebApplication UseIdentitySecurity(this WebApplication app)
    {
        app.Use(SecurityHeaders.AddAsync);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // Identity's cookie is SameAsRequest already; this also covers antiforgery's, which is not Secure by default.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest, HttpOnly = HttpOnlyPolicy.Always });
        return app;
    }
}
