using GonPortal.Domain.Budgets;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Budgets;

/// <summary>
/// The parameter versions of a year. Settlement jobs take <see cref="InForceAsync"/> and record the
/// version they used, so a result can be recomputed with the same figures later.
/// </summary>
public sealed class YearParametersStore(GonDbContext db)
{
    /// <summary>The latest saved version of the year, or the rule defaults (version 0) when none was saved.</summary>
    public async Task<YearParameters> InForceAsync(int year, CancellationToken ct) =>
        await db.YearParameters.AsNoTracking().Where(p => p.Year == year).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct)
        ?? YearParameters.Defaults(year);

    /// <summary>The highest saved version number, 0 when none.</summary>
    public async Task<int> LatestVersionAsync(int year, CancellationToken ct) =>
        await db.YearParameters.Where(p => p.Year == year).Select(p => (int?)p.Version).MaxAsync(ct) ?? 0;

    /// <summary>Saved versions of the year, newest first.</summary>
    public IQueryable<YearParameters> Versions(int year) =>
        db.YearParameters.AsNoTracking().Where(p => p.Year == year).OrderByDescending(p => p.Version);
}
