using GonPortal.Domain.Common;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Providers;

namespace GonPortal.Server.Budgets;

/// <summary>
/// Which budget figures a caller may read. Budget data is the gemeente's and not tenant-owned, so the
/// tenant filter does not scope it: a hoofdaanbieder reads the figures of an area only in the years it
/// holds that area (<see cref="AreaHolding"/>), like reporting.
/// </summary>
public sealed class BudgetAreaAccess(AreaHolding holding)
{
    public bool IsHoofdaanbieder => holding.CallerIsHoofdaanbieder;

    /// <summary>PERMISSION_DENIED for a hoofdaanbieder that does not hold the area in the year; the gemeente passes.</summary>
    public async Task RequireHeldAsync(int areaId, int year, CancellationToken ct)
    {
        if (IsHoofdaanbieder && !await holding.CallerHoldsInYearAsync(areaId, year, ct))
        {
            throw new PermissionDeniedException($"Area {areaId} is not held by this hoofdaanbieder in {year}.",
                ErrorReasons.AreaNotHeld, new Dictionary<string, string> { ["area_id"] = $"{areaId}", ["year"] = $"{year}" });
        }
    }

    /// <summary>PERMISSION_DENIED for a hoofdaanbieder that names an area it never held (a list filter); 0 (all) passes.</summary>
    public async Task RequireEverHeldAsync(int areaId, CancellationToken ct)
    {
        if (IsHoofdaanbieder && areaId != 0 && !await holding.CallerEverHeldAsync(areaId, ct))
        {
            throw new PermissionDeniedException($"Area {areaId} is not held by this hoofdaanbieder.",
                ErrorReasons.AreaNotHeld, new Dictionary<string, string> { ["area_id"] = $"{areaId}" });
        }
    }

    /// <summary>The (area, year) keys of <see cref="AreaHolding.CallerAreaYearKeysAsync"/>, for lists of yearly figures.</summary>
    public Task<List<int>> HeldAreaYearKeysAsync(CancellationToken ct) => holding.CallerAreaYearKeysAsync(ct);
}
