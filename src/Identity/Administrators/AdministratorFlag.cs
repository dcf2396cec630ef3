using System.Security.Claims;
using GonPortal.Identity.Data;
using GonPortal.HostContracts;
using Microsoft.AspNetCore.Identity;

namespace GonPortal.Identity.Administrators;

/// <summary>
/// Who is an administrator. The flag is an ASP.NET Identity user claim (<see cref="GonClaimTypes.Administrator"/>
/// in AspNetUserClaims), so it needs no schema change. Every organisation has its own administrators, who
/// manage its people; what the flag opens beyond that is decided by the reader together with the role (the
/// jobs dashboard, for one, also requires role gemeente). A user without a valid role cannot be one: granting
/// is refused, and a flag that got there anyway is ignored when tokens are issued.
/// </summary>
public static class AdministratorFlag
{
    public const string NoRoleErrorCode = "AdministratorRequiresRole";

    public static bool CanBeAdministrator(GonUser user) => GonRoles.All.Contains(user.Role);

    /// <summary>Flags the user as administrator; fails (changing nothing) for a user without a valid role.</summary>
    public static async Task<IdentityResult> GrantAdministratorAsync(this UserManager<GonUser> users, GonUser user)
    {
        if (!CanBeAdministrator(user))
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = NoRoleErrorCode,
                Description = $"Only a user of an organisation (with one of the roles) can be an administrator; {user.Email} has role '{user.Role}'.",
            });
        }

        return await HasFlagAsync(users, user)
            ? IdentityResult.Success
            : await users.AddClaimAsync(user, new Claim(GonClaimTypes.Administrator, GonClaimTypes.AdministratorValue));
    }

    public static async Task<IdentityResult> RevokeAdministratorAsync(this UserManager<GonUser> users, GonUser user)
    {
        var flags = (await users.GetClaimsAsync(user)).Where(c => c.Type == GonClaimTypes.Administrator).ToList();
        return flags.Count == 0 ? IdentityResult.Success : await users.RemoveClaimsAsync(user, flags);
    }

    /// <summary>True only for a user with a valid role carrying the flag: what the token claim is issued from.</summary>
    public static async Task<bool> IsAdministratorAsync(this UserManager<GonUser> users, GonUser user) =>
        CanBeAdministrator(user) && await HasFlagAsync(users, user);

    private static async Task<bool> HasFlagAsync(UserManager<GonUser> users, GonUser user) =>
        (await users.GetClaimsAsync(user)).Any(c => c.Type == GonClaimTypes.Administrator && c.Value == GonClaimTypes.AdministratorValue);
}
