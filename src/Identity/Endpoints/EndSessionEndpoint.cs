using GonPortal.Identity.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server.AspNetCore;

namespace GonPortal.Identity.Endpoints;

/// <summary>
/// /connect/endsession: ends the login session. OpenIddict then redirects to the
/// post_logout_redirect_uri the client sent (validated against its registration), or to "/".
/// </summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(SignInManager<GonUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
