using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Budgets;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Settlements;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.YearOverview;

/// <summary>
/// Gathers the gemeente's year overview from the loaders the single-figure RPCs use, so no figure is
/// computed a second way: the lumpsum and advances from <see cref="LumpsumLoader"/> (GetAreaBudget), and the stored
/// PGB settlements, statements and reconciliations as their RPCs read them (current revisions). No budget position per
/// holder: each would sum the year's hours again, for every area in one call; a past year's figures are its
/// reconciliation's. The hoofdaanbieders' rows are read through one audited <see cref="CrossTenantAccess"/> read of
/// the settlement results, with the reports, statement lines and subcontracts alongside it.
/// </summary>
public sealed class YearOverviewQuery(GonDbContext db, CrossTenantAccess crossTenant, LumpsumLoader lumpsums, TimeProvider clock)
{
    public async Task<YearOverviewFacts> LoadAsync(int year, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = AmsterdamCalendar.Today(now);
        var ended = year < today.Year ? 12 : year == today.Year ? today.Month - 1 : 0;

        var results = (await crossTenant.ReadAsync<SettlementResult>($"Year overview {year}", ct)).AsNoTracking();
        var ofYear = results.Where(r => r.Year == year && r.Month == 0 && r.AreaId != 0);
        var pgbRows = await ofYear.Where(r => r.Kind == SettlementKind.PgbFinal || r.Kind == SettlementKind.PgbProvisional)
            .Where(r => r.SubcontractId == Guid.Empty).Current(results).ToListAsync(ct);
        var reconciliations = await ofYear.Where(r => r.Kind == SettlementKind.Reconciliation).Current(results).ToListAsync(ct);

        var currentStatements = results.Where(r => r.Kind == SettlementKind.SubcontractorStatements && r.Year == year)
            .Current(results).Select(r => r.Id);
        var statementSums = await crossTenant.AlongsideRead<SettlementStatementLine>().AsNoTracking()
            .Where(l => l.Year == year && currentStatements.Contains(l.SettlementResultId))
            .GroupBy(l => new { l.AreaId, l.TenantId, l.SettlementResultId })
            .Select(g => new StatementSum(g.Key.AreaId, g.Key.TenantId, g.Key.SettlementResultId, g.Sum(l => l.AmountCents)))
            .ToListAsync(ct);
        var reports = await crossTenant.AlongsideRead<YearReport>().AsNoTracking().Where(r => r.Year == year).ToListAsync(ct);

        var areas = new List<AreaYearFacts>();
        foreach (var area in Areas.All)
        {
            areas.Add(await AreaAsync(area, year, pgbRows, reconciliations, statementSums, reports, ct));
        }
        var holderIds = areas.SelectMany(a => a.Holders.Select(h => h.Period.HoofdaanbiederId)).Distinct().ToList();
        var names = await db.ProviderNamesAsync(holderIds, ct);
        var onderaannemers = await OnderaannemerNamesAsync(reconciliations, ct);
        return new YearOverviewFacts(year, ended, now, areas, names, onderaannemers);
    }

    private async Task<AreaYearFacts> AreaAsync(Area area, int year, List<SettlementResult> pgbRows,
        List<SettlementResult> reconciliations, List<StatementSum> statementSums, List<YearReport> reports, CancellationToken ct)
    {
        AreaLumpsum? lumpsum = null;
        var state = LumpsumState.Computed;
        var missing = "";
        try
        {
            lumpsum = await lumpsums.LoadAsync(area.Id, year, ct);
        }
        catch (NotFoundException)
        {
            state = LumpsumState.NoAreaContract;
        }
        catch (InvalidStateException e)
        {
            state = LumpsumState.InputMissing;
            missing = e.Metadata.GetValueOrDefault("input", "");
        }

        // The final PGB settlement when there is one, else the provisional one (as the budget position takes it).
        var pgb = pgbRows.Where(r => r.AreaId == area.Id)
            .OrderByDescending(r => r.Kind == SettlementKind.PgbFinal).ThenByDescending(r => r.Revision).FirstOrDefault();
        var pgbCents = pgb?.AmountCents ?? 0;
        var periods = lumpsum?.Holders ?? await lumpsums.HoldersAsync(area.Id, year, ct);
        var shares = lumpsum is null || periods.Count == 0 ? null : lumpsum.Shares(pgbCents);
        var areaStatements = statementSums.Where(s => s.AreaId == area.Id).ToList();

        var holders = new List<HolderYearFacts>();
        foreach (var period in periods)
        {
            var id = period.HoofdaanbiederId;
            var share = shares?.FirstOrDefault(s => s.HoofdaanbiederId == id);
            // A year with one holder stores its reconciliation under no holder key; a handed-over year under each holder's id (§7).
            var reconciliation = reconciliations.FirstOrDefault(r => r.AreaId == area.Id && r.TenantId == id
                && (r.SubcontractId == id || (periods.Count == 1 && r.SubcontractId == Guid.Empty)));
            holders.Add(new HolderYearFacts(period, share, share?.PgbShareCents ?? 0,
                areaStatements.Where(s => s.TenantId == id).Sum(s => s.AmountCents),
                reports.FirstOrDefault(r => r.AreaId == area.Id && r.TenantId == id), reconciliation));
        }
        return new AreaYearFacts(area, state, missing, lumpsum, pgb, areaStatements.Sum(s => s.AmountCents),
            areaStatements.Select(s => s.StatementId).Distinct().Count(), holders);
    }

    /// <summary>The onderaannemer of each statement a reconciliation used, named as GetReconciliation names them.</summary>
    private async Task<Dictionary<Guid, string>> OnderaannemerNamesAsync(List<SettlementResult> reconciliations, CancellationToken ct)
    {
        if (reconciliations.Count == 0)
        {
            return [];
        }
        var onderaannemers = await crossTenant.AlongsideRead<Domain.Subcontracts.Subcontract>().AsNoTracking()
            .Select(s => new { s.Id, s.OnderaannemerId }).ToListAsync(ct);
        var names = await db.ProviderNamesAsync(onderaannemers.Select(o => o.OnderaannemerId).Distinct(), ct);
        return onderaannemers.ToDictionary(o => o.Id, o => names.GetValueOrDefault(o.OnderaannemerId, ""));
    }
}

/// <summary>Whether an area-year's lumpsum could be computed.</summary>
public enum LumpsumState
{
    Computed,
    NoAreaContract,
    InputMissing,
}

/// <summary>The lines of one area in one current statement revision, summed.</summary>
public sealed record StatementSum(int AreaId, Guid TenantId, Guid StatementId, long AmountCents);

/// <summary>The year overview's facts; <paramref name="EndedMonths"/> as GetStatementCompleteness counts them.</summary>
public sealed record YearOverviewFacts(int Year, int EndedMonths, DateTimeOffset ComputedAt, IReadOnlyList<AreaYearFacts> Areas,
    IReadOnlyDictionary<Guid, string> HolderNames, IReadOnlyDictionary<Guid, string> OnderaannemerNamesBySubcontract);

/// <summary>One area's year: <paramref name="Lumpsum"/> null unless <paramref name="State"/> is computed.</summary>
public sealed record AreaYearFacts(Area Area, LumpsumState State, string MissingInput, AreaLumpsum? Lumpsum, SettlementResult? Pgb,
    long StatementsCents, int StatementCount, IReadOnlyList<HolderYearFacts> Holders);

/// <summary>One holder's part of an area-year; <paramref name="Share"/> null while the lumpsum is not computed.</summary>
public sealed record HolderYearFacts(HolderPeriod Period, HolderShare? Share, long PgbShareCents, long StatementsCents, YearReport? Report,
    SettlementResult? Reconciliation);
