using GonPortal.Domain.Settlements;
using GonPortal.Server.Budgets;
using GonPortal.Server.Tenancy;

namespace GonPortal.Server.Settlements;

/// <summary>
/// The preconditions of settlements.proto at start, inside the caller's request (the gemeente, or the
/// schedule): nothing is queued when one fails. Only existence is asked past the tenant filter
/// (<see cref="TenantBlindLookups"/>); the figures are read by <see cref="SettlementInputLoader"/>
/// when the run executes, which checks the same conditions again with the same words, because
/// the inputs may change in between.
/// </summary>
internal sealed class SettlementPreconditions(
    TenantBlindLookups lookups, PgbInputLoader pgb, LumpsumLoader lumpsums, YearParametersStore parameters,
    StatementCompletenessQuery completeness, TimeProvider clock)
{
    public async Task CheckAsync(SettlementKind kind, int areaId, int year, int month, CancellationToken ct)
    {
        switch (kind)
        {
            case SettlementKind.SubcontractorStatements:
                SettlementInputLoader.RequireEndedMonth(year, month, clock);
                break;
            case SettlementKind.PgbProvisional:
            case SettlementKind.PgbFinal:
                await pgb.LoadAsync(kind, areaId, year, ct);
                break;
            case SettlementKind.Reconciliation:
                if (!await lookups.FinalPgbSettlementExistsAsync(areaId, year, ct))
                {
                    throw SettlementPreconditionMessages.NoFinalPgb(areaId, year);
                }
                var reporters = await lookups.YearReportersAsync(areaId, year, ct);
                if (reporters.Count == 0)
                {
                    throw SettlementPreconditionMessages.NoYearReport(areaId, year);
                }
                var holders = await lumpsums.HoldersAsync(areaId, year, ct);
                if (holders.FirstOrDefault(h => !reporters.Contains(h.HoofdaanbiederId)) is { } unreported)
                {
                    throw SettlementPreconditionMessages.NoYearReport(areaId, year, holders.Count > 1 ? unreported.HoofdaanbiederId : null);
                }
                if (await lumpsums.ContractAsync(areaId, year, ct) is null)
                {
                    throw SettlementPreconditionMessages.NoAreaContract(areaId, year);
                }
                await lumpsums.LoadAsync(areaId, year, ct);
                if ((await parameters.InForceAsync(year, ct)).ReferenceHourlyRateCents <= 0)
                {
                    throw SettlementPreconditionMessages.NoReferenceRate(year);
                }
                var months = await completeness.AssessAsync(lookups.SubcontractsForStatementCompleteness(),
                    lookups.HourEntriesForStatementCompleteness(), areaId, year, 12, ct);
                if (StatementCompleteness.Blocking(months) is { Count: > 0 } blocking)
                {
                    throw SettlementPreconditionMessages.IncompleteStatements(areaId, year, blocking);
                }
                break;
        }
    }
}
