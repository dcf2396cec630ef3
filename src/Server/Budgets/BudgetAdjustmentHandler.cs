using GonPortal.Contracts.V1;
using GonPortal.Server.Data;
using GonPortal.Server.Idempotency;
using GonPortal.Server.Paging;
using GonPortal.Server.Providers;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>Ventiel adjustments of an area's year: append-only, created once per request id, read by holders of the area in that year.</summary>
public sealed class BudgetAdjustmentHandler(
    GonDbContext db, TenantContext tenant, BudgetAreaAccess access, IdempotentRequests idempotency, BudgetClock clock)
{
    /// <summary>Creates the adjustment once per <c>request_id</c>; a repeat returns the first one.</summary>
    public Task<CreateBudgetAdjustmentResponse> CreateAsync(CreateBudgetAdjustmentRequest request, CancellationToken ct) =>
        idempotency.CreateOnceAsync(request, request.RequestId,
            () =>
            {
                var now = clock.Now();
                var adjustment = D.BudgetAdjustment.Create(Guid.CreateVersion7(now), request.AreaId, request.Year, request.AmountCents,
                    BudgetMapping.ToDomain(request.Reason), request.Description, tenant.Subject, now);
                db.BudgetAdjustments.Add(adjustment);
                return Task.FromResult(adjustment.Id);
            },
            async id => new CreateBudgetAdjustmentResponse
            {
                BudgetAdjustment = BudgetMapping.ToProto(await db.BudgetAdjustments.AsNoTracking().SingleAsync(a => a.Id == id, ct)),
            },
            ct);

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
