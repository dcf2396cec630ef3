using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Budgets;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Loads a run's inputs once, when it executes in the job (system mode), checking the preconditions of
/// <see cref="SettlementPreconditions"/> in the same order and with the same words as it reads them:
/// a failure ends the run FAILED. The computer then takes what was loaded.
/// </summary>
internal sealed class SettlementInputLoader(
    SystemReads reads, PgbInputLoader pgb, LumpsumLoader lumpsums, YearParametersStore parameters,
    StatementCompletenessQuery completeness, TimeProvider clock)
{
    public async Task<SettlementRunInputs> LoadAsync(SettlementRun run, CancellationToken ct)
    {
        int area = run.AreaId, year = run.Year;
        switch (run.Kind)
        {
            case SettlementKind.SubcontractorStatements:
                var period = RequireEndedMonth(year, run.Month, clock);
                return new StatementRunInputs(period.Start, period.End!.Value);
            case SettlementKind.PgbProvisional:
            case SettlementKind.PgbFinal:
                var figures = await pgb.LoadAsync(run.Kind, area, year, ct);
                return new PgbRunInputs(figures, await parameters.InForceAsync(year, ct));
            default:
                return await ReconciliationAsync(area, year, ct);
        }
    }

    /// <summary>A statement month must have ended (Europe/Amsterdam); returns the month.</summary>
    public static DateRange RequireEndedMonth(int year, int month, TimeProvider clock)
    {
        if (new DateOnly(year, month, 1).AddMonths(1) > AmsterdamCalendar.Today(clock.GetUtcNow()))
        {
            throw SettlementPreconditionMessages.MonthNotEnded(year, month);
        }
        return Periods.Month(year, month);
    }

    private async Task<ReconciliationRunInputs> ReconciliationAsync(int area, int year, CancellationToken ct)
    {
        var pgbRow = await reads.Set<SettlementResult>().AsNoTracking()
            .OfIdentity(SettlementKind.PgbFinal, area, year, 0, Guid.Empty)
            .OrderByDescending(r => r.Revision)
            .Select(r => new FinalPgbUsed(r.Id, r.Revision, r.AmountCents))
            .FirstOrDefaultAsync(ct)
            ?? throw SettlementPreconditionMessages.NoFinalPgb(area, year);
        var reports = await reads.Set<YearReport>().AsNoTracking().Where(r => r.AreaId == area && r.Year == year).ToListAsync(ct);
        var holders = await lumpsums.HoldersAsync(area, year, ct);
        if (reports.Count == 0)
        {
            throw SettlementPreconditionMessages.NoYearReport(area, year);
        }
        if (holders.FirstOrDefault(h => !reports.Any(r => r.TenantId == h.HoofdaanbiederId)) is { } unreported)
        {
            throw SettlementPreconditionMessages.NoYearReport(area, year, holders.Count > 1 ? unreported.HoofdaanbiederId : null);
        }
        // Checked before the lumpsum loader, which answers NOT_FOUND for a missing contract (right for GetAreaBudget, not for a run).
        if (holders.Count == 0)
        {
            throw SettlementPreconditionMessages.NoAreaContract(area, year);
        }
        var lumpsum = await lumpsums.LoadAsync(area, year, ct);
        // settlement-rules.md §7: each holder of the year is reconciled on its share; the only holder on the whole year.
        var parts = lumpsum.ChangesHands
            ? lumpsum.Shares(pgbRow.AmountCents).Select(s => new HolderReconciliationInputs(
                holders.Single(h => h.AreaContractId == s.AreaContractId), reports.Single(r => r.TenantId == s.HoofdaanbiederId), s)).ToList()
            : [new HolderReconciliationInputs(holders[0], reports.Single(r => r.TenantId == holders[0].HoofdaanbiederId), null)];
        var p = await parameters.InForceAsync(year, ct);
        if (p.ReferenceHourlyRateCents <= 0)
        {
            throw SettlementPreconditionMessages.NoReferenceRate(year);
        }
        var months = await completeness.AssessAsync(reads.Set<Domain.Subcontracts.Subcontract>(), reads.Set<HourEntry>(), area, year, 12, ct);
        if (StatementCompleteness.Blocking(months) is { Count: > 0 } blocking)
        {
            throw SettlementPreconditionMessages.IncompleteStatements(area, year, blocking);
        }
        return new ReconciliationRunInputs(lumpsum, p, pgbRow, parts);
    }
}
