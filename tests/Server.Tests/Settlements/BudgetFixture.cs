using GonPortal.Domain.Budgets;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Settlements;

/// <summary>
/// Puts budget inputs in place by writing the entities directly (the BudgetService RPCs live in
/// another branch). Each write replaces what was there for that area and year.
/// </summary>
public sealed class BudgetFixture(GonHosts hosts)
{
    private static readonly DateTimeOffset Now = new(2028, 1, 10, 9, 0, 0, TimeSpan.Zero);

    public async Task WithDbAsync(Func<GonDbContext, Task> action)
    {
        await using var scope = hosts.ServerServices.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().ResolveSystem("test fixture");
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        await action(db);
        await db.SaveChangesAsync();
    }

    public async Task<Guid> ContractIdAsync(int area, int year = 2027)
    {
        Guid id = default;
        await WithDbAsync(async db => id = (await db.AreaContracts.AsNoTracking()
            .Where(c => c.AreaId == area && c.PeriodStart <= new DateOnly(year, 12, 31) && c.PeriodEnd >= new DateOnly(year, 1, 1)).FirstAsync()).Id);
        return id;
    }

    public async Task PgbAsync(int area, int baseline, IReadOnlyDictionary<int, int> counts, long averageCostCents, int year = 2027)
    {
        var contract = await ContractIdAsync(area, year);
        await WithDbAsync(async db =>
        {
            db.PgbBaselines.RemoveRange(db.PgbBaselines.Where(b => b.AreaContractId == contract));
            db.PgbMonthlyCounts.RemoveRange(db.PgbMonthlyCounts.Where(c => c.AreaId == area && c.Year == year));
            db.PgbAverageCosts.RemoveRange(db.PgbAverageCosts.Where(c => c.AreaId == area && c.Year == year));
            await db.SaveChangesAsync();
            db.PgbBaselines.Add(PgbBaseline.Create(contract, area, new DateOnly(year, 1, 1), baseline, "test", Now));
            db.PgbMonthlyCounts.AddRange(counts.Select(c => PgbMonthlyCount.Create(area, year, c.Key, c.Value, "test", Now)));
            db.PgbAverageCosts.Add(PgbAverageCost.Create(area, year, averageCostCents, "test", Now));
        });
    }

    public Task SetCountAsync(int area, int month, int count, int year = 2027) => WithDbAsync(async db =>
    {
        var row = await db.PgbMonthlyCounts.SingleOrDefaultAsync(c => c.AreaId == area && c.Year == year && c.Month == month);
        if (row is null)
        {
            db.PgbMonthlyCounts.Add(PgbMonthlyCount.Create(area, year, month, count, "test", Now));
        }
        else
        {
            row.Change(count, "test", Now.AddDays(1));
        }
    });

    /// <summary>Saves a new version of the year parameters.</summary>
    public Task ParametersAsync(int year, long referenceRateCents, int compensationShareBp = 10_000, int sanctionBp = 0) => WithDbAsync(async db =>
    {
        var previous = await db.YearParameters.Where(p => p.Year == year).Select(p => (int?)p.Version).MaxAsync() ?? 0;
        db.YearParameters.Add(YearParameters.Save(year, previous, 300, referenceRateCents, 0, compensationShareBp,
            YearParameters.Defaults(year).BasisShareTargetBp, 1500, sanctionBp, "test parameters", "test", Now));
    });

    public async Task LumpsumAsync(int area, long baseCents, int baseYear = 2027)
    {
        var contract = await ContractIdAsync(area, baseYear);
        await WithDbAsync(async db =>
        {
            db.BaseLumpsums.RemoveRange(db.BaseLumpsums.Where(b => b.AreaContractId == contract));
            await db.SaveChangesAsync();
            db.BaseLumpsums.Add(BaseLumpsum.Create(contract, area, baseYear, baseYear, baseCents, "test", Now));
        });
    }

    public Task YearReportAsync(int area, Guid hoofdaanbiederId, long ownCostsCents, int year = 2027) => WithDbAsync(async db =>
    {
        db.YearReports.RemoveRange(db.YearReports.IgnoreQueryFilters().Where(r => r.AreaId == area && r.Year == year));
        await db.SaveChangesAsync();
        db.YearReports.Add(YearReport.Submit(area, year, hoofdaanbiederId, ownCostsCents, "test", "test", Now));
    });

    public static Dictionary<int, int> Months(int from, int to, int count) =>
        Enumerable.Range(from, to - from + 1).ToDictionary(m => m, _ => count);
}
