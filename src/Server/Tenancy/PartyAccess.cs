using GonPortal.Server.Audit;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.HostContracts;

namespace GonPortal.Server.Tenancy;

/// <summary>
/// Writes by a party to a record another tenant owns, for the few changes the access process gives
/// that party: WIJ approves or rejects an aanvullend arrangement (owned by the hoofdaanbieder),
/// registers or updates a resident (owned by the area's hoofdaanbieder); a hoofdaanbieder accepts or
/// returns a referral (owned by WIJ). The service must first have loaded the row through the tenant
/// filter (so the caller is a party to it) and must change only that row. Like
/// <see cref="CrossTenantAccess"/>, every grant is recorded in the audit trail in the same SaveChanges.
/// The gemeente never uses this class; its path is <see cref="CrossTenantAccess"/>.
/// </summary>
public sealed class PartyAccess(GonDbContext db, TenantContext tenant, CallInfo call, TimeProvider clock)
{
    public void AllowWrite(Guid ownerTenantId, string resource)
    {
        if (ownerTenantId == tenant.TenantId)
        {
            return;
        }
        if (!tenant.IsResolved || tenant.Role is not (GonRoles.Wij or GonRoles.Hoofdaanbieder))
        {
            throw new PermissionDeniedException("Only WIJ and hoofdaanbieders write as a party to another organisation's record.");
        }
        tenant.GrantCrossTenantWrite(ownerTenantId);
        db.AuditEntries.Add(AuditRecord.For(tenant, call, clock.GetUtcNow(), resource, "write"));
    }
}
