using System.Security.Claims;
using GonPortal.Identity.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace GonPortal.Identity.TwoFactor;

/// <summary>
/// A sign-in that passed the password but is not complete: kept in ASP.NET Identity's own two-factor cookie, in the
/// shape <see cref="SignInManager{TUser}"/> writes it (the user id as the name claim), so
/// <c>GetTwoFactorAuthenticationUserAsync</c> finds the person on the enrolment page. Nothing else accepts that
/// cookie as a sign-in.
/// </summary>
public static class PendingSignIn
{
    public static Task StartAsync(HttpContext http, GonUser user)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        return http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>Ends the pending state and signs the person in for real; the amr claim records the second factor.</summary>
    public static async Task CompleteAsync(HttpContext http, SignInManager<GonUser> signIn, GonUser user)
    {
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
    }
}
