using GonPortal.Server.Data;
using GonPortal.Server.Paging;
using GonPortal.Server.Providers;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>Ventiel adjustments of an area's year: append-only (the service creates each once per request id), read by holders of the area in that year.</summary>
public sealed class BudgetAdjustmentHandler(
    GonDbContext db, TenantContext tenant, BudgetAreaAccess access, BudgetClock clock)
{
    /// <summary>Adds the adjustment to the unit of work (the caller's idempotent create saves it) and returns its id.</summary>
    public Guid Add(int areaId, int year, long amountCents, D.BudgetAdjustmentReason? reason, string description)
    {
        var now = clock.Now();
        var adjustment = D.BudgetAdjustment.Create(Guid.CreateVersion7(now), areaId, year, amountCents, reason, description, tenant.Subject, now);
        db.BudgetAdjustments.Add(adjustment);
        return adjustment.Id;
    }

    public Task<D.BudgetAdjustment> GetAsync(Guid id, CancellationToken ct) =>
        db.BudgetAdjustments.AsNoTracking().SingleAsync(a => a.Id == id, ct);

    /// <summary>Newest first; a hoofdaanbieder sees only the years in which it holds the area.</summary>
    public async Task<(List<D.BudgetAdjustment> Items, string Next)> ListAsync(Page page, int areaId, int year, CancellationToken ct)
    {
        await access.RequireEverHeldAsync(areaId, ct);
        var query = db.BudgetAdjustments.AsNoTracking();
        if (access.IsHoofdaanbieder)
        {
            var held = await access.HeldAreaYearKeysAsync(ct);
            query = query.Where(a => held.Contains(a.Year * AreaHolding.AreaYearKeyFactor + a.AreaId));
        }
        if (areaId != 0)
        {
            query = query.Where(a => a.AreaId == areaId);
        }
        if (year != 0)
        {
            query = query.Where(a => a.Year == year);
        }
        return await page.ApplyAsync(query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id), (q, t) => q.ToListAsync(t), ct);
    }
}
