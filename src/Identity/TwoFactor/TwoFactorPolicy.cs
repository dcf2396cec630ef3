using GonPortal.HostContracts;
using GonPortal.Identity.Administrators;
using GonPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace GonPortal.Identity.TwoFactor;

/// <summary>
/// Who must sign in with an authenticator app: everyone of the gemeente, every administrator, and everyone of an
/// organisation that requires it for all its people. Others may choose it. The one place this rule lives: the login
/// page, the authorize endpoint, the management page and the demo seeding all ask here.
/// </summary>
public sealed class TwoFactorPolicy(UserManager<GonUser> users, IOrganisationTwoFactorSetting organisations)
{
    public async Task<bool> IsRequiredAsync(GonUser user) =>
        user.Role == GonRoles.Gemeente
        || await users.IsAdministratorAsync(user)
        || await organisations.RequiredForAllAsync(user.OrganisationId);

    /// <summary>Required but not set up: the sign-in must not complete before the person enrols.</summary>
    public async Task<bool> MustEnrolAsync(GonUser user) => !user.TwoFactorEnabled && await IsRequiredAsync(user);
}
