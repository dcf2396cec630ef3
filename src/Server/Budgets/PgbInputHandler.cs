using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using Microsoft.EntityFrameworkCore;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>The gemeente's PGB inputs entered one at a time: the baseline of a contract, a month's count, a year's average cost.</summary>
public sealed class PgbInputHandler(GonDbContext db, PgbFigureWriter pgb, BudgetClock clock)
{
    /// <summary>NOT_FOUND for an unknown contract; the baseline takes the contract's area.</summary>
    public async Task<D.PgbBaseline> SetBaselineAsync(Guid contractId, DateOnly referenceDate, int clientCount, string source, CancellationToken ct)
    {
        var contract = await db.AreaContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contractId, ct)
            ?? throw new NotFoundException("Area contract");
        var (row, _) = await pgb.BaselineAsync(contract.Id, contract.AreaId, referenceDate, clientCount, source, clock.Now(), ct);
        await BudgetSave.SaveAsync(db, ct);
        return row;
    }

    public async Task<D.PgbMonthlyCount> SetMonthlyCountAsync(int areaId, int year, int month, int clientCount, string source, CancellationToken ct)
    {
        var (row, _) = await pgb.MonthlyCountAsync(areaId, year, month, clientCount, source, clock.Now(), ct);
        await BudgetSave.SaveAsync(db, ct);
        return row;
    }

    public async Task<D.PgbAverageCost> SetAverageCostAsync(int areaId, int year, long averageCostCents, string source, CancellationToken ct)
    {
        var (row, _) = await pgb.AverageCostAsync(areaId, year, averageCostCents, source, clock.Now(), ct);
        await BudgetSave.SaveAsync(db, ct);
        return row;
    }
}
