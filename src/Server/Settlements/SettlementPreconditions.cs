using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Budgets;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>
/// The preconditions of settlements.proto, checked when a run is started (nothing is queued) and again
/// when it executes (the run then ends FAILED, not retried). Each failure is an
/// <see cref="InvalidStateException"/> (FAILED_PRECONDITION) with a message naming what is missing.
/// The year report is read past the tenant filter for its existence only; no figure leaves here.
/// </summary>
internal sealed class SettlementPreconditions(GonDbContext db, PgbInputs pgb, LumpsumLoader lumpsums, YearParametersStore parameters, TimeProvider clock)
{
    public async Task CheckAsync(SettlementKind kind, int areaId, int year, int month, CancellationToken ct)
    {
        switch (kind)
        {
            case SettlementKind.SubcontractorStatements:
                var today = AmsterdamCalendar.Today(clock.GetUtcNow());
                if (new DateOnly(year, month, 1).AddMonths(1) > today)
                {
                    throw new InvalidStateException($"SUBCONTRACTOR_STATEMENTS needs a month that has ended; {year}-{month:D2} has not ended yet.");
                }
                break;
            case SettlementKind.PgbProvisional:
            case SettlementKind.PgbFinal:
                await pgb.LoadAsync(kind, areaId, year, ct);
                break;
            case SettlementKind.Reconciliation:
                var hasPgb = await db.SettlementResults.IgnoreQueryFilters([TenantFilter.Name])
                    .AnyAsync(r => r.Kind == SettlementKind.PgbFinal && r.AreaId == areaId && r.Year == year, ct);
                if (!hasPgb)
                {
                    throw new InvalidStateException($"RECONCILIATION of area {areaId}, {year} needs a succeeded PGB_FINAL run of that area and year.");
                }
                var hasReport = await db.YearReports.IgnoreQueryFilters([TenantFilter.Name]).AnyAsync(r => r.AreaId == areaId && r.Year == year, ct);
                if (!hasReport)
                {
                    throw new InvalidStateException($"RECONCILIATION of area {areaId}, {year} needs the hoofdaanbieder's year report; none was submitted.");
                }
                if (await lumpsums.ContractAsync(areaId, year, ct) is null)
                {
                    throw new InvalidStateException($"Area {areaId} has no area contract in {year}.");
                }
                await lumpsums.LoadAsync(areaId, year, ct);
                if ((await parameters.InForceAsync(year, ct)).ReferenceHourlyRateCents <= 0)
                {
                    throw new InvalidStateException($"RECONCILIATION of {year} needs a reference hourly rate in the year parameters; none is set.");
                }
                break;
        }
    }
}
