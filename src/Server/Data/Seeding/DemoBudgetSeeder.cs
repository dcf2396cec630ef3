using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Data.Seeding;

/// <summary>
/// Budget figures for the demo, so GetAreaBudget and GetPgbYear answer from the start: a base
/// lumpsum per area contract (a few million euro), index rates for the contract years (2027
/// definitive, later years a prognosis), PGB baselines, monthly counts for every ended month of
/// 2027 on the server's clock, average costs, and year parameters for 2027 and 2028 with a
/// reference hourly rate of EUR 62.50. Fixed figures, so the demo is the same on every machine.
/// Budget data is the gemeente's and not tenant-owned, so it needs no tenant scope. Runs once:
/// a database with any base lumpsum is left alone.
/// </summary>
public static class DemoBudgetSeeder
{
    private const string By = "demo-seed";

    /// <summary>Base lumpsum B(a) in cents and PGB baseline P0(a) per area id.</summary>
    private static readonly Dictionary<int, (long BaseCents, int PgbClients, long PgbCostCents)> Areas = new()
    {
        [1] = (485_000_000, 412, 1_850_000),
        [2] = (392_000_000, 298, 1_790_000),
        [3] = (347_500_000, 265, 1_820_000),
        [4] = (421_000_000, 334, 1_760_000),
    };

    private static readonly (int Year, int PrognosisBp, int? DefinitiveBp, string Source)[] Indices =
    [
        (2027, 496, 512, "VNG advies juni 2026; definitief CBS"),
        (2028, 372, null, "VNG advies juni 2027"),
        (2029, 290, null, "Meerjarenraming gemeente"),
        (2030, 275, null, "Meerjarenraming gemeente"),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        if (await db.BaseLumpsums.AnyAsync(ct))
        {
            return;
        }
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = AmsterdamCalendar.Today(now);
        var contracts = await db.AreaContracts.AsNoTracking().ToListAsync(ct);
        foreach (var contract in contracts.Where(c => Areas.ContainsKey(c.AreaId)))
        {
            var area = Areas[contract.AreaId];
            // The demo amounts are first-year lumpsums (as entered before rules 1.1), so y0 is the first contract year.
            db.BaseLumpsums.Add(BaseLumpsum.Create(contract.Id, contract.AreaId, contract.PeriodStart.Year, contract.PeriodStart.Year, area.BaseCents, By, now));
            db.PgbBaselines.Add(PgbBaseline.Create(contract.Id, contract.AreaId, contract.PeriodStart, area.PgbClients, By, now));
        }
        foreach (var (year, prognosis, definitive, source) in Indices)
        {
            var rate = IndexRate.Create(year, By, now);
            rate.Set(IndexKind.Prognosis, prognosis, source.Split(';')[0], By, now);
            if (definitive is { } d)
            {
                rate.Set(IndexKind.Definitive, d, source.Split("; ")[^1], By, now);
            }
            db.IndexRates.Add(rate);
        }
        foreach (var (areaId, area) in Areas)
        {
            // A slow, slightly uneven decline of PGB clients, as the policy hopes for.
            for (var month = 1; month <= 12 && new DateOnly(2027, month, 1).AddMonths(1) <= today; month++)
            {
                var count = area.PgbClients - month * 2 + (areaId * month % 5);
                db.PgbMonthlyCounts.Add(PgbMonthlyCount.Create(areaId, 2027, month, count, By, now));
            }
            db.PgbAverageCosts.Add(PgbAverageCost.Create(areaId, 2027, area.PgbCostCents, By, now));
        }
        foreach (var year in new[] { 2027, 2028 })
        {
            var defaults = YearParameters.Defaults(year);
            db.YearParameters.Add(YearParameters.Save(year, 0, defaults.ProfitCapBp, 6_250, 200, BudgetLimits.OneBp,
                defaults.BasisShareTargetBp, defaults.InitiativeShareTargetBp, 0, "Vastgesteld door het college (demo)", By, now));
        }
        await db.SaveChangesAsync(ct);
    }
}
