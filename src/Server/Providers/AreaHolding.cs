using GonPortal.Domain.Providers;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using GonPortal.HostContracts;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Providers;

/// <summary>
/// "This hoofdaanbieder holds this area in this period": it has an area contract for the area that
/// overlaps the period. Budgets, reporting, subcontracts and the current organisation all scope a
/// hoofdaanbieder by this one rule, so it is written once, here. Area contracts are public (the tender
/// result), so the question needs no tenant filter; the caller's own holdings are asked through
/// <see cref="CallerHoldsAsync"/> and friends.
/// </summary>
public sealed class AreaHolding(GonDbContext db, TenantContext tenant)
{
    /// <summary>Multiplier of <see cref="CallerAreaYearKeysAsync"/>'s keys (year * 10 + area); area ids are 1-4.</summary>
    public const int AreaYearKeyFactor = 10;

    public bool CallerIsHoofdaanbieder => tenant.Role == GonRoles.Hoofdaanbieder;

    /// <summary>Whether the calling hoofdaanbieder holds <paramref name="areaId"/> on at least one day of [from, to].</summary>
    public Task<bool> CallerHoldsAsync(int areaId, DateOnly from, DateOnly to, CancellationToken ct) =>
        Overlapping(CallerContracts(), from, to).AnyAsync(c => c.AreaId == areaId, ct);

    /// <summary>Whether the calling hoofdaanbieder holds <paramref name="areaId"/> on at least one day of <paramref name="year"/>.</summary>
    public Task<bool> CallerHoldsInYearAsync(int areaId, int year, CancellationToken ct) =>
        CallerHoldsAsync(areaId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);

    /// <summary>Whether the calling hoofdaanbieder has ever held <paramref name="areaId"/> (a list filter naming the area).</summary>
    public Task<bool> CallerEverHeldAsync(int areaId, CancellationToken ct) => CallerContracts().AnyAsync(c => c.AreaId == areaId, ct);

    /// <summary>The areas the calling hoofdaanbieder holds on at least one day of [from, to], in order.</summary>
    public Task<List<int>> CallerAreasAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        Overlapping(CallerContracts(), from, to).Select(c => c.AreaId).Distinct().OrderBy(a => a).ToListAsync(ct);

    /// <summary>
    /// Every (area, year) the calling hoofdaanbieder holds, as <c>year * <see cref="AreaYearKeyFactor"/> + area</c>,
    /// so a list of yearly figures can be filtered in the database with one <c>Contains</c>.
    /// </summary>
    public async Task<List<int>> CallerAreaYearKeysAsync(CancellationToken ct) =>
        (await CallerContracts().ToListAsync(ct))
            .SelectMany(c => Enumerable.Range(c.PeriodStart.Year, c.PeriodEnd.Year - c.PeriodStart.Year + 1)
                .Select(year => year * AreaYearKeyFactor + c.AreaId))
            .Distinct().ToList();

    /// <summary>
    /// The hoofdaanbieder responsible for an area on <paramref name="today"/>: the one whose area contract
    /// covers today or, when none does (the preparation period before the first contract starts), the
    /// next one to start. Null when the area has no current or future contract.
    /// </summary>
    public async Task<Guid?> ResponsibleHoofdaanbiederAsync(int areaId, DateOnly today, CancellationToken ct) =>
        (await Overlapping(db.AreaContracts.AsNoTracking(), today, DateOnly.MaxValue)
            .Where(c => c.AreaId == areaId).OrderBy(c => c.PeriodStart).FirstOrDefaultAsync(ct))?.HoofdaanbiederId;

    /// <summary>
    /// The area contract covering a year: the one in force on 31 December (the reconciliation's
    /// measurement date), else the latest overlapping one. Static for the settlement loaders that take
    /// the context directly.
    /// </summary>
    public static async Task<AreaContract?> CoveringYearAsync(GonDbContext db, int areaId, int year, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var contracts = await Overlapping(db.AreaContracts.AsNoTracking(), first, last).Where(c => c.AreaId == areaId).ToListAsync(ct);
        return contracts.FirstOrDefault(c => c.PeriodStart <= last && c.PeriodEnd >= last)
            ?? contracts.OrderByDescending(c => c.PeriodStart).FirstOrDefault();
    }

    /// <summary>
    /// Every holder of the area in the year with its contract's period (settlement-rules.md §7), first
    /// holder first; <see cref="AreaHandover.Split"/> clips them to the year. Empty without a contract.
    /// </summary>
    public static async Task<List<HolderPeriod>> HoldersOfYearAsync(GonDbContext db, int areaId, int year, CancellationToken ct) =>
        (await Overlapping(db.AreaContracts.AsNoTracking(), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
            .Where(c => c.AreaId == areaId).ToListAsync(ct))
        .OrderBy(c => c.PeriodStart)
        .Select(c => new HolderPeriod(c.HoofdaanbiederId, c.Id, c.PeriodStart, c.PeriodEnd))
        .ToList();

    /// <summary>The one definition of "holds in the period": the contract overlaps [from, to].</summary>
    private static IQueryable<AreaContract> Overlapping(IQueryable<AreaContract> contracts, DateOnly from, DateOnly to) =>
        contracts.Where(c => c.PeriodStart <= to && c.PeriodEnd >= from);

    private IQueryable<AreaContract> CallerContracts()
    {
        var me = tenant.TenantId;
        return db.AreaContracts.AsNoTracking().Where(c => c.HoofdaanbiederId == me);
    }
}
