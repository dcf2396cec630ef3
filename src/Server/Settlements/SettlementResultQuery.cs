using GonPortal.Domain.Common;
using GonPortal.Domain.Settlements;
using GonPortal.HostContracts;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Providers;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>
/// What a caller may see of settlement results and runs. Results: the tenant filter (the hoofdaanbieder
/// owns them, an onderaannemer sees the statements for it), the gemeente through one audited
/// <see cref="CrossTenantAccess"/> read per call. Runs (the gemeente's process records): the gemeente
/// all, a hoofdaanbieder the statement runs and the runs of areas it holds in the run's year.
/// Invisible single items are NOT_FOUND.
/// </summary>
internal sealed class SettlementResultQuery(GonDbContext db, TenantContext tenant, CrossTenantAccess crossTenant, AreaHolding holding)
{
    /// <summary>Results the caller may see: the tenant filter, or for the gemeente one audited read.</summary>
    public Task<IQueryable<SettlementResult>> ResultsAsync(string resource, CancellationToken ct) =>
        crossTenant.VisibleAsync<SettlementResult>(resource, ct);

    /// <summary>One revision (0 = current) of a result identity the caller may see, with whether a later one exists; else NOT_FOUND.</summary>
    public async Task<(SettlementResult Row, bool Superseded)> OneAsync(SettlementKind kind, int area, int year, int month, Guid subcontract,
        int revision, string resource, CancellationToken ct) =>
        await OneOfAsync(await ResultsAsync(resource, ct), kind, area, year, month, subcontract, revision, resource, ct);

    /// <summary>
    /// The reconciliation of an area-year the caller may see. A year the area changed hands has one per
    /// holder (settlement-rules.md §7; <see cref="SettlementResult.SubcontractId"/> holds the holder's id):
    /// a hoofdaanbieder sees only its own, the gemeente names <paramref name="hoofdaanbieder"/> then.
    /// </summary>
    public async Task<(SettlementResult Row, bool Superseded)> ReconciliationAsync(int area, int year, Guid? hoofdaanbieder, int revision,
        string resource, CancellationToken ct)
    {
        var results = await ResultsAsync(resource, ct);
        var candidates = results.Where(r => r.Kind == SettlementKind.Reconciliation && r.AreaId == area && r.Year == year && r.Month == 0);
        if (hoofdaanbieder is { } h)
        {
            candidates = candidates.Where(r => r.TenantId == h);
        }
        var keys = await candidates.Select(r => r.SubcontractId).Distinct().ToListAsync(ct);
        if (keys.Count > 1)
        {
            var v = new Domain.Validation.Violations();
            v.Add("hoofdaanbieder_id", $"area {area} changed hands in {year}: name the hoofdaanbieder whose reconciliation is asked for");
            v.ThrowIfAny();
        }
        return await OneOfAsync(results, SettlementKind.Reconciliation, area, year, 0, keys.FirstOrDefault(), revision, resource, ct);
    }

    private static async Task<(SettlementResult Row, bool Superseded)> OneOfAsync(IQueryable<SettlementResult> results, SettlementKind kind,
        int area, int year, int month, Guid subcontract, int revision, string resource, CancellationToken ct)
    {
        var identity = results.OfIdentity(kind, area, year, month, subcontract).AsNoTracking();
        var latest = await identity.Select(r => (int?)r.Revision).MaxAsync(ct)
            ?? throw new NotFoundException("Settlement result", $"{resource}: no result was found.");
        var wanted = revision == 0 ? latest : revision;
        var row = await identity.SingleOrDefaultAsync(r => r.Revision == wanted, ct)
            ?? throw new NotFoundException("Settlement result", $"{resource}: revision {revision} was not found.");
        return (row, wanted < latest);
    }

    /// <summary>The current statement revisions of a year the caller may see, optionally narrowed.</summary>
    public async Task<IQueryable<SettlementResult>> CurrentStatementsAsync(int year, int month, Guid? hoofdaanbieder, Guid? onderaannemer,
        Guid? subcontract, CancellationToken ct)
    {
        var results = await ResultsAsync($"Subcontractor statements {year}-{month}", ct);
        var query = results.Where(r => r.Kind == SettlementKind.SubcontractorStatements && r.Year == year).Current(results);
        if (month != 0)
        {
            query = query.Where(r => r.Month == month);
        }
        if (hoofdaanbieder is { } h)
        {
            query = query.Where(r => r.TenantId == h);
        }
        if (onderaannemer is { } o)
        {
            query = query.Where(r => r.OnderaannemerId == o);
        }
        if (subcontract is { } s)
        {
            query = query.Where(r => r.SubcontractId == s);
        }
        return query.AsNoTracking();
    }

    /// <summary>The staff-shortage lines of a reconciliation the caller may see; else NOT_FOUND.</summary>
    public async Task<IQueryable<SettlementShortageLine>> ShortageLinesAsync(Guid reconciliationId, bool onlyUnmet, CancellationToken ct)
    {
        var results = await ResultsAsync($"Staff-shortage lines of reconciliation {reconciliationId}", ct);
        var visible = await results.AnyAsync(r => r.Id == reconciliationId && r.Kind == SettlementKind.Reconciliation, ct);
        if (!visible)
        {
            throw new NotFoundException("Reconciliation", $"Reconciliation {reconciliationId} was not found.");
        }
        // The reconciliation itself was checked (or the gemeente's read audited) above; its lines follow it.
        var lines = crossTenant.AlongsideRead<SettlementShortageLine>().AsNoTracking().Where(l => l.SettlementResultId == reconciliationId);
        return onlyUnmet ? lines.Where(l => l.UnmetHours != "0/1") : lines;
    }

    /// <summary>Runs the caller may see: the gemeente all; a hoofdaanbieder statement runs and runs of areas it holds in the run's year.</summary>
    public async Task<IQueryable<SettlementRun>> VisibleRunsAsync(CancellationToken ct)
    {
        if (tenant.IsGemeente)
        {
            return db.SettlementRuns;
        }
        if (tenant.Role != GonRoles.Hoofdaanbieder)
        {
            return db.SettlementRuns.Where(_ => false);
        }
        var held = await holding.CallerAreaYearKeysAsync(ct);
        return db.SettlementRuns.Where(r => r.Kind == SettlementKind.SubcontractorStatements
            || held.Contains(r.Year * AreaHolding.AreaYearKeyFactor + r.AreaId));
    }
}
