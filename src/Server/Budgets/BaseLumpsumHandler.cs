using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>The base lumpsum of an area contract: the gemeente sets it, holders of the area read it.</summary>
public sealed class BaseLumpsumHandler(GonDbContext db, TenantContext tenant, BudgetAreaAccess access, BudgetChangeLog changes, BudgetClock clock)
{
    /// <summary>
    /// Creates or replaces the contract's base lumpsum; NOT_FOUND for an unknown contract. A null
    /// <paramref name="baseYear"/> keeps the stored y0, or for a new row takes the year before the period.
    /// </summary>
    public async Task<(D.BaseLumpsum Row, Guid HoofdaanbiederId)> SetAsync(Guid contractId, long amountCents, int? baseYear, CancellationToken ct)
    {
        var contract = await db.AreaContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contractId, ct)
            ?? throw new NotFoundException("Area contract");
        var now = clock.Now();
        var row = await db.BaseLumpsums.FindAsync([contract.Id], ct);
        if (row is null)
        {
            row = D.BaseLumpsum.Create(contract.Id, contract.AreaId, contract.PeriodStart.Year, baseYear, amountCents, tenant.Subject, now);
            db.BaseLumpsums.Add(row);
            changes.Record(D.BudgetFigure.BaseLumpsum, contract.AreaId, 0, contract.Id, null, $"{amountCents}", now);
            changes.Record(D.BudgetFigure.BaseYear, contract.AreaId, 0, contract.Id, null, $"{row.BaseYear}", now);
        }
        else
        {
            var (old, oldYear) = (row.AmountCents, row.BaseYear);
            if (row.Change(amountCents, baseYear, contract.PeriodStart.Year, tenant.Subject, now))
            {
                if (old != row.AmountCents)
                {
                    changes.Record(D.BudgetFigure.BaseLumpsum, contract.AreaId, 0, contract.Id, $"{old}", $"{amountCents}", now);
                }
                if (oldYear != row.BaseYear)
                {
                    changes.Record(D.BudgetFigure.BaseYear, contract.AreaId, 0, contract.Id, $"{oldYear}", $"{row.BaseYear}", now);
                }
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
