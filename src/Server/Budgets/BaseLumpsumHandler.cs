using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>The base lumpsum of an area contract: the gemeente sets it, holders of the area read it.</summary>
public sealed class BaseLumpsumHandler(GonDbContext db, TenantContext tenant, BudgetAreaAccess access, BudgetChangeLog changes, BudgetClock clock)
{
    /// <summary>Creates or replaces the contract's base lumpsum; NOT_FOUND for an unknown contract.</summary>
    public async Task<(D.BaseLumpsum Row, Guid HoofdaanbiederId)> SetAsync(Guid contractId, long amountCents, CancellationToken ct)
    {
        var contract = await db.AreaContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contractId, ct)
            ?? throw new NotFoundException("Area contract");
        var now = clock.Now();
        var row = await db.BaseLumpsums.FindAsync([contract.Id], ct);
        if (row is null)
        {
            row = D.BaseLumpsum.Create(contract.Id, contract.AreaId, contract.PeriodStart.Year, amountCents, tenant.Subject, now);
            db.BaseLumpsums.Add(row);
            changes.Record(D.BudgetFigure.BaseLumpsum, contract.AreaId, 0, contract.Id, null, $"{amountCents}", now);
        }
        else
        {
            var old = row.AmountCents;
            if (row.Change(amountCents, tenant.Subject, now))
            {
                changes.Record(D.BudgetFigure.BaseLumpsum, contract.AreaId, 0, contract.Id, $"{old}", $"{amountCents}", now);
            }
        }
        await BudgetSave.SaveAsync(db, ct);
        return (row, contract.HoofdaanbiederId);
    }

    /// <summary>Every base lumpsum the caller may read (a hoofdaanbieder: of its own contracts), optionally of one area.</summary>
    public async Task<List<(D.BaseLumpsum Row, Guid HoofdaanbiederId)>> ListAsync(int areaId, CancellationToken ct)
    {
        await access.RequireEverHeldAsync(areaId, ct);
        var query = from b in db.BaseLumpsums.AsNoTracking()
                    join c in db.AreaContracts.AsNoTracking() on b.AreaContractId equals c.Id
                    select new { b, c.HoofdaanbiederId };
        if (access.IsHoofdaanbieder)
        {
            query = query.Where(x => x.HoofdaanbiederId == tenant.TenantId);
        }
        if (areaId != 0)
        {
            query = query.Where(x => x.b.AreaId == areaId);
        }
        var rows = await query.OrderBy(x => x.b.AreaId).ThenBy(x => x.b.BaseYear).ToListAsync(ct);
        return rows.Select(x => (x.b, x.HoofdaanbiederId)).ToList();
    }
}
