using GonPortal.Domain.Common;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Paging;
using GonPortal.Server.Providers;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>
/// Year reports: tenant-owned by the hoofdaanbieder holding the area, submitted until the gemeente
/// locks them; keyed (area, year, hoofdaanbieder), so each holder of an area that changes hands in a
/// year reports its own costs (settlement-rules.md §7). The gemeente reads and locks them through
/// <see cref="CrossTenantAccess"/> (audited).
/// </summary>
public sealed class YearReportHandler(
    GonDbContext db, TenantContext tenant, CrossTenantAccess crossTenant,
    BudgetAreaAccess access, BudgetChangeLog changes, BudgetClock clock)
{
    /// <summary>Submits or replaces the caller's report (FAILED_PRECONDITION once locked); an equal report writes nothing.</summary>
    public async Task<D.YearReport> SubmitAsync(int areaId, int year, long ownDeliveryCostsCents, string? note, CancellationToken ct)
    {
        await access.RequireHeldAsync(areaId, year, ct);
        var now = clock.Now();
        var report = await db.YearReports.SingleOrDefaultAsync(r => r.AreaId == areaId && r.Year == year, ct);
        if (report is null)
        {
            report = D.YearReport.Submit(areaId, year, tenant.TenantId, ownDeliveryCostsCents, note, tenant.Subject, now);
            db.YearReports.Add(report);
            changes.Record(D.BudgetFigure.YearReport, areaId, year, null, null, $"{ownDeliveryCostsCents}", now);
        }
        else if (report.IsLocked || !report.Holds(ownDeliveryCostsCents, note))
        {
            var old = report.OwnDeliveryCostsCents;
            report.Replace(ownDeliveryCostsCents, note, tenant.Subject, now); // FAILED_PRECONDITION once locked
            changes.Record(D.BudgetFigure.YearReport, areaId, year, null, $"{old}", $"{ownDeliveryCostsCents}", now);
        }
        await BudgetSave.SaveAsync(db, ct);
        return report;
    }

    /// <summary>
    /// A hoofdaanbieder sees only its own reports through the tenant filter, so for an area it does not
    /// hold the answer is NOT_FOUND whether or not another hoofdaanbieder has reported. For a year the
    /// area changed hands the gemeente gets the last holder's report (ListYearReports lists every holder's).
    /// </summary>
    public async Task<D.YearReport> GetAsync(int areaId, int year, CancellationToken ct)
    {
        var source = await crossTenant.VisibleAsync<D.YearReport>($"YearReport area {areaId} {year}", ct);
        var reports = await source.AsNoTracking().Where(r => r.AreaId == areaId && r.Year == year).ToListAsync(ct);
        if (reports.Count > 1)
        {
            var holders = await AreaHolding.HoldersOfYearAsync(db, areaId, year, ct);
            return reports.OrderBy(r => holders.FindIndex(h => h.HoofdaanbiederId == r.TenantId)).Last();
        }
        return reports.SingleOrDefault() ?? throw new NotFoundException("Year report");
    }

    public async Task<(List<D.YearReport> Items, string Next)> ListAsync(Page page, int areaId, int year, CancellationToken ct)
    {
        await access.RequireEverHeldAsync(areaId, ct);
        var query = (await crossTenant.VisibleAsync<D.YearReport>("YearReport list", ct)).AsNoTracking();
        if (areaId != 0)
        {
            query = query.Where(r => r.AreaId == areaId);
        }
        if (year != 0)
        {
            query = query.Where(r => r.Year == year);
        }
        return await page.ApplyAsync(query.OrderByDescending(r => r.Year).ThenBy(r => r.AreaId), (q, t) => q.ToListAsync(t), ct);
    }

    /// <summary>Locks the year's reports of one area (0: all areas); naming an area without a report is FAILED_PRECONDITION.</summary>
    public async Task<List<D.YearReport>> LockAsync(int areaId, int year, CancellationToken ct)
    {
        var resource = areaId == 0 ? $"YearReport all areas {year}" : $"YearReport area {areaId} {year}";
        var query = (await crossTenant.ReadAsync<D.YearReport>(resource, ct)).Where(r => r.Year == year);
        if (areaId != 0)
        {
            query = query.Where(r => r.AreaId == areaId);
        }
        var reports = await query.OrderBy(r => r.AreaId).ToListAsync(ct);
        if (areaId != 0 && reports.Count == 0)
        {
            throw new InvalidStateException($"Area {areaId} has no year report for {year}; there is nothing to lock.",
                ErrorReasons.YearReportMissing, new Dictionary<string, string> { ["area_id"] = $"{areaId}", ["year"] = $"{year}" });
        }
        var now = clock.Now();
        foreach (var report in reports)
        {
            if (!report.IsLocked)
            {
                crossTenant.AllowWrite(report.TenantId, $"YearReport area {report.AreaId} {report.Year} lock");
                report.Lock(tenant.Subject, now);
                changes.Record(D.BudgetFigure.YearReportLock, report.AreaId, report.Year, null, null, "locked", now);
            }
        }
        await BudgetSave.SaveAsync(db, ct);
        return reports;
    }
}
