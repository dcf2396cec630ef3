using GonPortal.Domain.Budgets;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>
/// The year parameters in force: the latest saved version, else the rule defaults (version 0).
/// A small internal copy for the settlement jobs; the budget service has its own (to be merged).
/// </summary>
internal sealed class YearParametersStore(GonDbContext db)
{
    public async Task<YearParameters> CurrentAsync(int year, CancellationToken ct) =>
        await db.YearParameters.AsNoTracking().Where(p => p.Year == year).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct)
        ?? YearParameters.Defaults(year);
}
