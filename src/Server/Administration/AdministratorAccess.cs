using GonPortal.Server.ErrorModel;
using GonPortal.Server.Tenancy;
using Grpc.Core;

namespace GonPortal.Server.Administration;

/// <summary>
/// Who may administer: a person carrying the administrator claim (<c>gon_admin</c>), for their own organisation;
/// for organisations, a gemeente administrator. Machine clients never carry the claim, so they never administer.
/// </summary>
internal static class AdministratorAccess
{
    public static bool IsAdministrator(ServerCallContext context) =>
        context.GetHttpContext().User.HasClaim(GonClaimTypes.Administrator, GonClaimTypes.AdministratorValue);

    public static void RequireAdministrator(ServerCallContext context)
    {
        if (!IsAdministrator(context))
        {
            throw new PermissionDeniedException("Only an administrator of an organisation may administer its people.");
        }
    }

    public static void RequireGemeenteAdministrator(TenantContext tenant, ServerCallContext context)
    {
        if (!tenant.IsGemeente || !IsAdministrator(context))
        {
            throw new PermissionDeniedException("Only a gemeente administrator may administer organisations.");
        }
    }

    /// <summary>A gemeente administrator acting on another organisation (only its administrators are theirs to see and invite).</summary>
    public static bool IsGemeenteAdministrator(TenantContext tenant, ServerCallContext context) => tenant.IsGemeente && IsAdministrator(context);
}
