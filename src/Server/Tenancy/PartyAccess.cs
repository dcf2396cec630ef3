using GonPortal.Domain.Clients;
using GonPortal.Server.Audit;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// The uniqueness check "one client per BSN per area" across owners: WIJ registering a resident that
    /// the hoofdaanbieder already registered must find that client (and then becomes a party to it).
    /// The caller proves it knows the person by presenting the BSN; only the keyed hash is compared.
    /// </summary>
    public Task<Client?> FindClientByBsnAsync(int areaId, byte[] bsnHash, CancellationToken ct) =>
        db.Clients.IgnoreQueryFilters([TenantFilter.Name]).SingleOrDefaultAsync(c => c.AreaId == areaId && c.BsnHash == bsnHash, ct);
}
