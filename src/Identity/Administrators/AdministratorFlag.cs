using System.Security.Claims;
using GonPortal.Identity.Data;
using GonPortal.HostContracts;
using Microsoft.AspNetCore.Identity;

namespace GonPortal.Identity.Administrators;

/// <summary>
/// Who is an administrator. The flag is an ASP.NET Identity user claim (<see cref="GonClaimTypes.Administrator"/>
/// in AspNetUserClaims), so it needs no schema change. Only a gemeente user can be one: granting it to
/// anyone else is refused, and a flag that got there anyway (written around this class, or a user whose
/// role changed later) is ignored when tokens are issued.
/// </summary>
public static class AdministratorFlag
{
    public const string NotGemeenteErrorCode = "AdministratorRequiresGemeente";

    public static bool CanBeAdministrator(GonUser user) => user.Role == GonRoles.Gemeente;

    /// <summary>Flags the user as administrator; fails (changing nothing) for a user who is not gemeente.</summary>
    public static async Task<IdentityResult> GrantAdministratorAsync(this UserManager<GonUser> users, GonUser user)
    {
        if (!CanBeAdministrator(user))
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = NotGemeenteErrorCode,
                Description = $"Only a {GonRoles.Gemeente} user can be an administrator; {user.Email} has role '{user.Role}'.",
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

    /// <summary>True only for a gemeente user carrying the flag: what the token claim is issued from.</summary>
    public static async Task<bool> IsAdministratorAsync(this UserManager<GonUser> users, GonUser user) =>
        CanBeAdministrator(user) && await HasFlagAsync(users, user);

    private static async Task<bool> HasFlagAsync(UserManager<GonUser> users, GonUser user) =>
        (await users.GetClaimsAsync(user)).Any(c => c.Type == GonClaimTypes.Administrator && c.Value == GonClaimTypes.AdministratorValue);
}
