using GonPortal.Domain.Providers;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Tenancy;
using GonPortal.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Budgets;

/// <summary>
/// Which budget figures a caller may read. Budget data is the gemeente's and not tenant-owned, so the
/// tenant filter does not scope it: a hoofdaanbieder reads the figures of an area only in the years it
/// holds that area (an area contract overlapping the year), checked here like reporting's RequireAreaAsync.
/// </summary>
public sealed class BudgetAreaAccess(GonDbContext db, TenantContext tenant)
{
    public bool IsHoofdaanbieder => tenant.Role == GonRoles.Hoofdaanbieder;

    /// <summary>PERMISSION_DENIED for a hoofdaanbieder that does not hold the area in the year; the gemeente passes.</summary>
    public async Task RequireHeldAsync(int areaId, int year, CancellationToken ct)
    {
        if (IsHoofdaanbieder && !await HoldsAsync(areaId, year, ct))
        {
            throw new PermissionDeniedException($"Area {areaId} is not held by this hoofdaanbieder in {year}.");
        }
    }

    /// <summary>PERMISSION_DENIED for a hoofdaanbieder that names an area it never held (a list filter); 0 (all) passes.</summary>
    public async Task RequireEverHeldAsync(int areaId, CancellationToken ct)
    {
        if (IsHoofdaanbieder && areaId != 0 && !(await OwnContractsAsync(ct)).Any(c => c.AreaId == areaId))
        {
            throw new PermissionDeniedException($"Area {areaId} is not held by this hoofdaanbieder.");
        }
    }

    public Task<bool> HoldsAsync(int areaId, int year, CancellationToken ct)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return db.AreaContracts.AsNoTracking()
            .AnyAsync(c => c.HoofdaanbiederId == tenant.TenantId && c.AreaId == areaId && c.PeriodStart <= last && c.PeriodEnd >= first, ct);
    }

    /// <summary>The caller's own area contracts (a hoofdaanbieder holds at most a few).</summary>
    public Task<List<AreaContract>> OwnContractsAsync(CancellationToken ct) =>
        db.AreaContracts.AsNoTracking().Where(c => c.HoofdaanbiederId == tenant.TenantId).ToListAsync(ct);
}
