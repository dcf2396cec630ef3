using GonPortal.Domain.Hours;
using GonPortal.Domain.Settlements;
using GonPortal.Domain.Subcontracts;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Gathers the facts of <see cref="StatementCompleteness"/> for an area's months: the subcontracts of the
/// area in force per month, the start of each month's latest succeeded statement run, and the latest
/// approval per month (the entries' <c>ReviewedAt</c> of approved entries: approved entries are locked,
/// so a later approval, a reversal included, is the only way a month's approved work changes). The
/// caller passes the sets it may read (tenant-blind look-ups at a run's start, system reads in the job,
/// its own view for the budget position); only months, ids and instants leave here, no figure.
/// </summary>
public sealed class StatementCompletenessQuery(GonDbContext db)
{
    public async Task<IReadOnlyList<StatementMonthStatus>> AssessAsync(
        IQueryable<Subcontract> subcontracts, IQueryable<HourEntry> entries, int areaId, int year, int lastMonth, CancellationToken ct)
    {
        if (lastMonth < 1)
        {
            return [];
        }
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, lastMonth, DateTime.DaysInMonth(year, lastMonth));
        // Few rows: a year holds a handful of subcontracts and at most a few runs per month; filtered by area in memory.
        var inForce = (await subcontracts.AsNoTracking()
            .Where(s => (s.State == SubcontractState.Consented || s.State == SubcontractState.Ended)
                && s.ValidFrom <= to && (s.ValidTo == null || s.ValidTo >= from))
            .ToListAsync(ct))
            .Where(s => s.AreaIds.Contains(areaId))
            .OrderBy(s => s.Id)
            .ToList();
        var runs = await db.SettlementRuns.AsNoTracking()
            .Where(r => r.Kind == SettlementKind.SubcontractorStatements && r.Year == year && r.Month >= 1 && r.Month <= lastMonth
                && r.State == SettlementRunState.Succeeded)
            .Select(r => new { r.Month, r.StartedAt, r.CreatedAt })
            .ToListAsync(ct);
        // The latest approval per service day, in the database; folded into months here (at most 366 rows).
        var approvals = await entries.AsNoTracking()
            .Where(e => e.AreaId == areaId && e.Status == HourEntryStatus.Approved && e.ServiceDate >= from && e.ServiceDate <= to
                && e.ReviewedAt != null)
            .GroupBy(e => e.ServiceDate)
            .Select(g => new { Day = g.Key, Last = g.Max(e => e.ReviewedAt) })
            .ToListAsync(ct);

        var facts = Enumerable.Range(1, lastMonth).Select(m =>
        {
            var (start, end) = (new DateOnly(year, m, 1), new DateOnly(year, m, DateTime.DaysInMonth(year, m)));
            var subs = inForce.Where(s => s.ValidFrom <= end && (s.ValidTo == null || s.ValidTo >= start)).Select(s => s.Id).ToList();
            var run = runs.Where(r => r.Month == m).Select(r => (DateTimeOffset?)(r.StartedAt ?? r.CreatedAt)).Max();
            var last = approvals.Where(a => a.Day.Month == m).Select(a => a.Last).Max();
            return new StatementMonthFacts(m, subs, run, last);
        });
        return StatementCompleteness.Assess(facts);
    }
}
