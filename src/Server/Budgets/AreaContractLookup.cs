using GonPortal.Domain.Providers;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Budgets;

/// <summary>The area contract covering a year: the one in force on 31 December (the reconciliation's measurement date), else the latest overlapping one.</summary>
public static class AreaContractLookup
{
    public static async Task<AreaContract?> CoveringAsync(GonDbContext db, int areaId, int year, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var contracts = await db.AreaContracts.AsNoTracking()
            .Where(c => c.AreaId == areaId && c.PeriodStart <= last && c.PeriodEnd >= first).ToListAsync(ct);
        return contracts.FirstOrDefault(c => c.PeriodStart <= last && c.PeriodEnd >= last)
            ?? contracts.OrderByDescending(c => c.PeriodStart).FirstOrDefault();
    }
}
