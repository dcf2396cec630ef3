using GonPortal.Domain.Budgets;
using GonPortal.Domain.Providers;
using GonPortal.Server.Data;
using GonPortal.Server.Providers;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Budgets;

/// <summary>What is entered of the PGB inputs of an area and year; any part may still be missing.</summary>
/// <param name="Contract">The area contract covering the year (<see cref="AreaHolding.CoveringYearAsync"/>), whose baseline applies.</param>
/// <param name="Counts">The monthly counts entered so far, by month.</param>
public sealed record PgbYearFigures(AreaContract? Contract, PgbBaseline? Baseline, IReadOnlyList<PgbMonthlyCount> Counts, PgbAverageCost? Cost);

/// <summary>
/// Reads the PGB inputs of an area and year (settlement-rules.md §2) for GetPgbYear and the PGB runs.
/// Budget figures are the gemeente's and not tenant-owned, so no filter is involved; access is checked
/// by the caller.
/// </summary>
public sealed class PgbYearLoader(GonDbContext db)
{
    public async Task<PgbYearFigures> LoadAsync(int areaId, int year, CancellationToken ct)
    {
        var contract = await AreaHolding.CoveringYearAsync(db, areaId, year, ct);
        var baseline = contract is null ? null : await db.PgbBaselines.AsNoTracking().SingleOrDefaultAsync(b => b.AreaContractId == contract.Id, ct);
        var counts = await db.PgbMonthlyCounts.AsNoTracking().Where(c => c.AreaId == areaId && c.Year == year).OrderBy(c => c.Month).ToListAsync(ct);
        var cost = await db.PgbAverageCosts.AsNoTracking().SingleOrDefaultAsync(c => c.AreaId == areaId && c.Year == year, ct);
        return new PgbYearFigures(contract, baseline, counts, cost);
    }
}
