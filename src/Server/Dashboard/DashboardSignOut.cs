using System.Text.Encodings.Web;
using GonPortal.HostContracts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace GonPortal.Server.Dashboard;

/// <summary>
/// The dashboard's sign-out. Hangfire's menu can only link, so the link (GET) shows a form and only its POST,
/// with the antiforgery token, signs out: a GET would let any page sign an administrator out.
/// The POST then sends the browser to Identity's end-session confirmation.
/// </summary>
internal static class DashboardSignOut
{
    public static IResult Confirm(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = HtmlEncoder.Default;
        return Results.Content(
            $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sign out - GonPortal jobs</title></head>
            <body>
            <form method="post" action="{html.Encode(DashboardExtensions.SignOutPath)}">
            <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? "")}">
            <button type="submit">Sign out of the GonPortal jobs dashboard</button>
            </form>
            </body>
            </html>
            """,
            "text/html; charset=utf-8");
    }

    public static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest($"The sign-out form has expired. Open {DashboardExtensions.SignOutPath} again.");
        }

        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = DashboardExtensions.SignedOutPath },
            [DashboardAccess.CookieScheme, DashboardAccess.OpenIdConnectScheme]);
    }

    /// <summary>Where Identity sends the browser back to; only meaningful after <see cref="SignOutAsync"/>.</summary>
    public static IResult SignedOut() =>
        Results.Text($"Signed out of the GonPortal jobs dashboard. Open {JobsDashboardContract.Path} to sign in again.");
}
