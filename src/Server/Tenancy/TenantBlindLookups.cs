using GonPortal.Domain.Budgets;
using GonPortal.Domain.Clients;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Settlements;
using GonPortal.Domain.Subcontracts;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Tenancy;

/// <summary>
/// Gate for look-ups that must see past the tenant filter to keep a rule that spans tenants, and
/// answer only what the rule needs: whether a row exists, which row holds a unique key the caller
/// already knows, or a sum. No figure or personal field of another tenant leaves through here.
/// Each method names its rule; add one only with its reason.
/// </summary>
public sealed class TenantBlindLookups(GonDbContext db)
{
    /// <summary>
    /// "One client per BSN per area" across owners: WIJ registering a resident that the hoofdaanbieder
    /// already registered must find that client (and then becomes a party to it). The caller proves it
    /// knows the person by presenting the BSN; only the keyed hash is compared.
    /// </summary>
    public Task<Client?> ClientByBsnHashAsync(int areaId, byte[] bsnHash, CancellationToken ct) =>
        db.Clients.IgnoreQueryFilters([TenantFilter.Name]).SingleOrDefaultAsync(c => c.AreaId == areaId && c.BsnHash == bsnHash, ct);

    /// <summary>The 24-hour rule counts every provider's hour minutes on a client-day; only the sums come back.</summary>
    public IQueryable<HourEntry> HourEntriesForDaySums() => db.HourEntries.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking();

    /// <summary>A reconciliation needs a year report of every holder of the area-year (settlement-rules.md §7): which hoofdaanbieders reported.</summary>
    public Task<List<Guid>> YearReportersAsync(int areaId, int year, CancellationToken ct) =>
        db.YearReports.IgnoreQueryFilters([TenantFilter.Name]).Where(r => r.AreaId == areaId && r.Year == year).Select(r => r.TenantId).ToListAsync(ct);

    /// <summary>
    /// PGB(a, y) is the area's and shared among the holders of a year the area changes hands
    /// (settlement-rules.md §7): each holder's budget position needs the amount of the latest settlement
    /// (final if any, else provisional), whichever holder owns the row. Only the kind and amount leave.
    /// </summary>
    public async Task<(SettlementKind Kind, long AmountCents)?> LatestPgbSettlementAsync(int areaId, int year, CancellationToken ct)
    {
        foreach (var kind in new[] { SettlementKind.PgbFinal, SettlementKind.PgbProvisional })
        {
            var amount = await db.SettlementResults.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
                .Where(r => r.Kind == kind && r.AreaId == areaId && r.Year == year && r.Month == 0 && r.SubcontractId == Guid.Empty)
                .OrderByDescending(r => r.Revision).Select(r => (long?)r.AmountCents).FirstOrDefaultAsync(ct);
            if (amount is { } a)
            {
                return (kind, a);
            }
        }
        return null;
    }

    /// <summary>A reconciliation needs a final PGB settlement of its area and year, whoever started the run.</summary>
    public Task<bool> FinalPgbSettlementExistsAsync(int areaId, int year, CancellationToken ct) =>
        db.SettlementResults.IgnoreQueryFilters([TenantFilter.Name]).AnyAsync(r => r.Kind == SettlementKind.PgbFinal && r.AreaId == areaId && r.Year == year, ct);

    /// <summary>
    /// A reconciliation needs every month's statements complete (settlement-rules.md §4), whoever started it:
    /// <c>StatementCompletenessQuery</c> takes from these only the subcontracts' ids, areas and validity and the
    /// latest approval instant per day, never a figure.
    /// </summary>
    public IQueryable<Subcontract> SubcontractsForStatementCompleteness() => db.Subcontracts.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking();

    /// <inheritdoc cref="SubcontractsForStatementCompleteness"/>
    public IQueryable<HourEntry> HourEntriesForStatementCompleteness() => db.HourEntries.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking();

    /// <summary>Demo seeding runs once: has any client been stored at all (every filter dropped).</summary>
    public Task<bool> AnyClientStoredAsync(CancellationToken ct) => db.Clients.IgnoreQueryFilters().AnyAsync(ct);
}
