using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GonPortal.Portal.Authentication;

/// <summary>
/// On every HTTP request with the auth cookie: when the saved access token has expired, redeem the refresh
/// token and renew the cookie with the new tokens; when that is impossible, sign the person out so the next
/// page asks them to sign in again (Identity's own session usually makes that instant).
/// </summary>
public static class CookieTokenRefresh
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var tokens = UserTokens.FromProperties(context.Properties);
        var timeProvider = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (tokens is null || !tokens.NeedsRefresh(timeProvider.GetUtcNow()))
        {
            return;
        }

        var refresher = context.HttpContext.RequestServices.GetRequiredService<TokenRefresher>();
        var valid = await refresher.GetValidAsync(tokens, context.HttpContext.RequestAborted);
        if (valid is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        valid.Tokens.WriteTo(context.Properties, valid.IdToken);
        context.ShouldRenew = true;
    }
}
