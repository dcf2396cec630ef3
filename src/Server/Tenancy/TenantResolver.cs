using System.Security.Claims;
using GonPortal.HostContracts;

namespace GonPortal.Server.Tenancy;

/// <summary>Turns a validated token's claims into the call's <see cref="TenantContext"/>.</summary>
public static class TenantResolver
{
    public const string PurposeHeader = "gon-purpose";

    /// <summary>Returns false when the token lacks a usable tenant or role: such a caller may do nothing.</summary>
    public static bool TryResolve(ClaimsPrincipal user, string? purpose, TenantContext tenant)
    {
        var tenantClaim = user.FindFirst(GonClaimTypes.TenantId)?.Value;
        var role = user.FindFirst(GonClaimTypes.Role)?.Value;
        var subject = user.FindFirst(GonClaimTypes.Subject)?.Value;
        if (!Guid.TryParse(tenantClaim, out var tenantId) || tenantId == Guid.Empty
            || role is null || !GonRoles.All.Contains(role) || string.IsNullOrEmpty(subject))
        {
            return false;
        }
        var cleanPurpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim()[..Math.Min(purpose.Trim().Length, 500)];
        tenant.Resolve(tenantId, user.FindFirst(GonClaimTypes.TenantName)?.Value ?? "", role, subject,
            user.FindFirst(GonClaimTypes.Name)?.Value, cleanPurpose);
        return true;
    }
}
