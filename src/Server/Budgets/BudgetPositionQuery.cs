using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Settlements;
using GonPortal.Domain.Subcontracts;
using GonPortal.Server.Data;
using GonPortal.Server.Settlements;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Budgets;

/// <summary>
/// Gathers the figures of a budget position with a few sums in the database (statement lines of the
/// current revisions and own approved work per month, which months are complete, the latest PGB result) and leaves the arithmetic to
/// <see cref="BudgetPosition"/>. Access is checked by the caller; the gemeente's read of a
/// hoofdaanbieder's statements and hours is one audited cross-tenant read.
/// </summary>
public sealed class BudgetPositionQuery(
    GonDbContext db, CrossTenantAccess crossTenant, LumpsumLoader lumpsums, YearParametersStore parameters,
    StatementCompletenessQuery completeness)
{
    /// <summary>
    /// <paramref name="month"/> 0 means the last ended month of the year. FAILED_PRECONDITION when no
    /// month of the year has ended yet, or when the lumpsum cannot be computed.
    /// </summary>
    public async Task<BudgetPositionResult> ComputeAsync(int areaId, int year, int month, DateOnly today, CancellationToken ct)
    {
        month = month != 0 ? month
            : year < today.Year ? 12
            : year == today.Year && today.Month > 1 ? today.Month - 1
            : throw new InvalidStateException($"No month of {year} has ended yet; ask for a month explicitly.", ErrorReasons.NoMonthEnded, new Dictionary<string, string> { ["year"] = $"{year}" });
        var lumpsum = await lumpsums.LoadAsync(areaId, year, ct);
        var holder = lumpsum.HoofdaanbiederId;

        var results = (await crossTenant.VisibleAsync<SettlementResult>($"Budget position area {areaId} {year}-{month:D2}", ct)).AsNoTracking();
        var lines = crossTenant.AlongsideRead<SettlementStatementLine>().AsNoTracking();
        var hours = crossTenant.AlongsideRead<Domain.Hours.HourEntry>().AsNoTracking();

        var currentStatements = results
            .Where(r => r.Kind == SettlementKind.SubcontractorStatements && r.Year == year && r.Month <= month)
            .Current(results).Select(r => r.Id);
        var subcontractorCosts = await lines
            .Where(l => l.AreaId == areaId && l.Year == year && l.Month <= month && l.TenantId == holder && currentStatements.Contains(l.SettlementResultId))
            .GroupBy(l => l.Month)
            .Select(g => new { Month = g.Key, Cents = g.Sum(l => l.AmountCents) })
            .ToDictionaryAsync(x => x.Month, x => x.Cents, ct);

        var monthsWithStatements = await db.SettlementRuns.AsNoTracking()
            .Where(r => r.Kind == SettlementKind.SubcontractorStatements && r.Year == year && r.Month >= 1 && r.Month <= month
                && r.State == SettlementRunState.Succeeded)
            .Select(r => r.Month).Distinct().CountAsync(ct);

        // Own approved work per service day and unit, summed in the database (at most 366 * 3 rows), folded into months here.
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
        var own = await hours
            .Where(e => e.AreaId == areaId && e.TenantId == holder && e.ReportedByProviderId == holder
                && e.Status == HourEntryStatus.Approved && e.ServiceDate >= from && e.ServiceDate <= to)
            .GroupBy(e => new { e.ServiceDate, e.Unit })
            .Select(g => new { g.Key.ServiceDate, g.Key.Unit, Quantity = g.Sum(e => (long)e.Quantity) })
            .ToListAsync(ct);
        long Own(int m, Unit unit) => own.Where(x => x.ServiceDate.Month == m && x.Unit == unit).Sum(x => x.Quantity);

        var statuses = (await completeness.AssessAsync(crossTenant.AlongsideRead<Subcontract>(), hours, areaId, year, month, ct))
            .ToDictionary(s => s.Month);
        var months = Enumerable.Range(1, month).Select(m => new BudgetPositionMonth(
            m, subcontractorCosts.GetValueOrDefault(m), Own(m, Unit.Hour), Own(m, Unit.Dagdeel), Own(m, Unit.Etmaal),
            statuses[m].IsComplete)).ToList();

        var pgb = await results
            .Where(r => (r.Kind == SettlementKind.PgbFinal || r.Kind == SettlementKind.PgbProvisional) && r.AreaId == areaId && r.Year == year)
            .Current(results)
            .Select(r => new { r.Kind, r.AmountCents })
            .ToListAsync(ct);
        var latestPgb = pgb.OrderByDescending(r => r.Kind == SettlementKind.PgbFinal).FirstOrDefault();

        var p = await parameters.InForceAsync(year, ct);
        return BudgetPosition.Compute(new BudgetPositionInput(
            areaId, year, month, lumpsum.Result, months, monthsWithStatements,
            new ReferenceRates(p.ReferenceHourlyRateCents, p.ReferenceDagdeelRateCents, p.ReferenceEtmaalRateCents),
            latestPgb?.AmountCents ?? 0, latestPgb?.Kind == SettlementKind.PgbFinal));
    }
}
