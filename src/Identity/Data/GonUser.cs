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

    /// <summary>When an administrator invited the person; the activation link expires relative to it.</summary>
    public DateTimeOffset? InvitedAt { get; set; }

    /// <summary>When the person chose a password through the activation link (empty for people seeded with one).</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>Set while deactivated: the person cannot sign in and gets no tokens. Null means active.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>
    /// SHA-256 (hex) of the outstanding activation token; cleared on activation, so a link works once.
    /// Only the hash is stored, so a database read does not yield a usable link.
    /// </summary>
    public string? InvitationTokenHash { get; set; }

    public bool IsActive => DeactivatedAt is null;
}
