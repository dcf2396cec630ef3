using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Settlements;
using GonPortal.Domain.Subcontracts;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
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
    StatementCompletenessQuery completeness, TenantBlindLookups lookups)
{
    /// <summary>
    /// <paramref name="month"/> 0 means the last ended month of the year. FAILED_PRECONDITION when no
    /// month of the year has ended yet, or when the lumpsum cannot be computed. In a year the area changes
    /// hands (settlement-rules.md §7) the position is one holder's: <paramref name="hoofdaanbiederId"/>
    /// (the calling hoofdaanbieder, or the one the gemeente names), else the holder of the month; only
    /// its held months count and FAILED_PRECONDITION answers before its first held month.
    /// </summary>
    public async Task<HolderBudgetPosition> ComputeAsync(int areaId, int year, int month, DateOnly today, Guid? hoofdaanbiederId, CancellationToken ct)
    {
        month = month != 0 ? month
            : year < today.Year ? 12
            : year == today.Year && today.Month > 1 ? today.Month - 1
            : throw new InvalidStateException($"No month of {year} has ended yet; ask for a month explicitly.", ErrorReasons.NoMonthEnded, new Dictionary<string, string> { ["year"] = $"{year}" });
        var lumpsum = await lumpsums.LoadAsync(areaId, year, ct);
        var results = (await crossTenant.VisibleAsync<SettlementResult>($"Budget position area {areaId} {year}-{month:D2}", ct)).AsNoTracking();

        // The area's PGB settlement, whichever holder owns the row: a holder of part of the year gets its share of it (§7).
        var latestPgb = await lookups.LatestPgbSettlementAsync(areaId, year, ct);
        var pgbCents = latestPgb?.AmountCents ?? 0;
        var p = await parameters.InForceAsync(year, ct);
        var rates = new ReferenceRates(p.ReferenceHourlyRateCents, p.ReferenceDagdeelRateCents, p.ReferenceEtmaalRateCents);

        HolderShare? share = null;
        var holder = lumpsum.HoofdaanbiederId;
        if (lumpsum.ChangesHands)
        {
            var shares = lumpsum.Shares(pgbCents);
            share = hoofdaanbiederId is { } wanted
                ? shares.FirstOrDefault(s => s.HoofdaanbiederId == wanted) ?? throw new NotFoundException("Budget position", $"Hoofdaanbieder {wanted} does not hold area {areaId} in {year}.")
                : shares.FirstOrDefault(s => s.Holds(month)) ?? shares[^1];
            holder = share.HoofdaanbiederId;
        }
        else if (hoofdaanbiederId is { } wanted && wanted != holder)
        {
            throw new NotFoundException("Budget position", $"Hoofdaanbieder {wanted} does not hold area {areaId} in {year}.");
        }
        var holderId = holder;
        var first = share?.FirstMonth ?? 1;
        var last = Math.Min(month, share?.LastMonth ?? 12);
        if (month < first)
        {
            // No position before the first held month: the domain says so in its words.
            BudgetPosition.Compute(new BudgetPositionInput(areaId, year, month, lumpsum.Result, [], 0, rates, pgbCents, latestPgb?.Kind == SettlementKind.PgbFinal, share));
        }

        var lines = crossTenant.AlongsideRead<SettlementStatementLine>().AsNoTracking();
        var hours = crossTenant.AlongsideRead<Domain.Hours.HourEntry>().AsNoTracking();

        var currentStatements = results
            .Where(r => r.Kind == SettlementKind.SubcontractorStatements && r.Year == year && r.Month >= first && r.Month <= last)
            .Current(results).Select(r => r.Id);
        var subcontractorCosts = await lines
            .Where(l => l.AreaId == areaId && l.Year == year && l.Month >= first && l.Month <= last && l.TenantId == holderId && currentStatements.Contains(l.SettlementResultId))
            .GroupBy(l => l.Month)
            .Select(g => new { Month = g.Key, Cents = g.Sum(l => l.AmountCents) })
            .ToDictionaryAsync(x => x.Month, x => x.Cents, ct);

        var monthsWithStatements = await db.SettlementRuns.AsNoTracking()
            .Where(r => r.Kind == SettlementKind.SubcontractorStatements && r.Year == year && r.Month >= first && r.Month <= last
                && r.State == SettlementRunState.Succeeded)
            .Select(r => r.Month).Distinct().CountAsync(ct);

        // Own approved work per service day and unit, summed in the database (at most 366 * 3 rows), folded into months here.
        var (from, to) = (new DateOnly(year, first, 1), new DateOnly(year, last, DateTime.DaysInMonth(year, last)));
        var own = await hours
            .Where(e => e.AreaId == areaId && e.TenantId == holderId && e.ReportedByProviderId == holderId
                && e.Status == HourEntryStatus.Approved && e.ServiceDate >= from && e.ServiceDate <= to)
            .GroupBy(e => new { e.ServiceDate, e.Unit })
            .Select(g => new { g.Key.ServiceDate, g.Key.Unit, Quantity = g.Sum(e => (long)e.Quantity) })
            .ToListAsync(ct);
        long Own(int m, Unit unit) => own.Where(x => x.ServiceDate.Month == m && x.Unit == unit).Sum(x => x.Quantity);

        var statuses = (await completeness.AssessAsync(crossTenant.AlongsideRead<Subcontract>(), hours, areaId, year, month, ct))
            .ToDictionary(s => s.Month);
        var months = Enumerable.Range(first, last - first + 1).Select(m => new BudgetPositionMonth(
            m, subcontractorCosts.GetValueOrDefault(m), Own(m, Unit.Hour), Own(m, Unit.Dagdeel), Own(m, Unit.Etmaal),
            statuses[m].IsComplete)).ToList();

        return new HolderBudgetPosition(BudgetPosition.Compute(new BudgetPositionInput(
            areaId, year, month, lumpsum.Result, months, monthsWithStatements, rates,
            pgbCents, latestPgb?.Kind == SettlementKind.PgbFinal, share)), holderId);
    }
}

/// <summary>A budget position with the hoofdaanbieder whose position it is.</summary>
public sealed record HolderBudgetPosition(BudgetPositionResult Position, Guid HoofdaanbiederId);
