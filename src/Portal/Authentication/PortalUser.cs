using System.Security.Claims;
using GonPortal.HostContracts;

namespace GonPortal.Portal.Authentication;

/// <summary>The signed-in person as the portal shows them, read from the claims of the Identity token contract.</summary>
public sealed record PortalUser(string Name, string OrganisationName, string? OrganisationId, string? Role)
{
    /// <summary>Dutch label of the role.</summary>
    public string RoleLabel => DutchRoleLabel(Role);

    public static PortalUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var name = principal.FindFirst(GonClaimTypes.Name)?.Value
            ?? principal.FindFirst("email")?.Value
            ?? principal.FindFirst(GonClaimTypes.Subject)?.Value
            ?? "onbekende gebruiker";
        var organisation = principal.FindFirst(GonClaimTypes.TenantName)?.Value ?? "onbekende organisatie";
        return new PortalUser(name, organisation, principal.FindFirst(GonClaimTypes.TenantId)?.Value, principal.FindFirst(GonClaimTypes.Role)?.Value);
    }

    /// <summary>Dutch label of a role claim value.</summary>
    public static string DutchRoleLabel(string? role) => role switch
    {
        GonRoles.Hoofdaanbieder => "hoofdaanbieder",
        GonRoles.Onderaannemer => "onderaannemer",
        GonRoles.Gemeente => "gemeente",
        GonRoles.Wij => "WIJ",
        null or "" => "geen rol",
        _ => role,
    };
}
