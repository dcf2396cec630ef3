using GonPortal.HostContracts;
using Microsoft.AspNetCore.Identity;

namespace GonPortal.Identity.Data;

/// <summary>
/// A person who signs in to the portal. Every user belongs to exactly one organisation (the tenant)
/// and has exactly one role, so both are plain columns rather than Identity roles or claims:
/// that keeps the token contract (<see cref="GonClaimTypes"/>) a direct read of the user row.
/// </summary>
public sealed class GonUser : IdentityUser
{
    public const int DisplayNameMaxLength = 200;
    public const int OrganisationNameMaxLength = 200;
    public const int RoleMaxLength = 32;

    /// <summary>Full name shown in the portal and issued as the <c>name</c> claim.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The tenant: id of the user's organisation, shared with Server.</summary>
    public Guid OrganisationId { get; set; }

    /// <summary>Organisation name, copied so tokens need no lookup in another service.</summary>
    public string OrganisationName { get; set; } = "";

    /// <summary>One of <see cref="GonRoles"/>.</summary>
    public string Role { get; set; } = "";
}
