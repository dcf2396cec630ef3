using GonPortal.Identity.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GonPortal.Identity.Onboarding;

/// <summary>
/// ASP.NET Identity's sign-in manager plus the <see cref="SignInGate"/>: a deactivated person, or a person of a
/// deactivated organisation, cannot log in (the login page shows its usual message) and, since the token
/// endpoint asks <see cref="CanSignInAsync"/> too, gets no code exchange or refresh.
/// </summary>
public sealed class GonSignInManager(
    UserManager<GonUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<GonUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<GonUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<GonUser> confirmation,
    SignInGate gate)
    : SignInManager<GonUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(GonUser user) =>
        await base.CanSignInAsync(user) && await gate.UserMaySignInAsync(user);
}
