using GonPortal.Domain.Common;
using GonPortal.Domain.Settlements;

namespace GonPortal.Server.Settlements;

/// <summary>
/// The FAILED_PRECONDITION texts of the run preconditions (settlements.proto), each written once:
/// the same words answer at start (nothing queued) and end a run FAILED when it executes.
/// </summary>
internal static class SettlementPreconditionMessages
{
    public static InvalidStateException MonthNotEnded(int year, int month) =>
        new($"SUBCONTRACTOR_STATEMENTS needs a month that has ended; {year}-{month:D2} has not ended yet.");

    public static InvalidStateException NoFinalPgb(int areaId, int year) =>
        new($"RECONCILIATION of area {areaId}, {year} needs a succeeded PGB_FINAL run of that area and year.");

    public static InvalidStateException NoYearReport(int areaId, int year) =>
        new($"RECONCILIATION of area {areaId}, {year} needs the hoofdaanbieder's year report; none was submitted.");

    public static InvalidStateException NoAreaContract(int areaId, int year) =>
        new($"Area {areaId} has no area contract in {year}.");

    /// <summary>settlement-rules.md §4: every month with a subcontract in force needs a succeeded statement run, and no approval after it.</summary>
    public static InvalidStateException IncompleteStatements(int areaId, int year, IReadOnlyList<StatementMonthStatus> blocking)
    {
        static string Month(int year, StatementMonthStatus m) =>
            $"{year}-{m.Month:D2} (subcontract{(m.SubcontractsInForce.Count == 1 ? "" : "s")} {string.Join(", ", m.SubcontractsInForce)})";
        var missing = blocking.Where(m => m.State == StatementMonthState.MissingRun).Select(m => Month(year, m)).ToList();
        var stale = blocking.Where(m => m.State == StatementMonthState.Stale).Select(m => $"{year}-{m.Month:D2}").ToList();
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add($"no succeeded SUBCONTRACTOR_STATEMENTS run for {string.Join("; ", missing)}");
        }
        if (stale.Count > 0)
        {
            parts.Add($"hour entries approved after the SUBCONTRACTOR_STATEMENTS run of {string.Join(", ", stale)}; run those months again");
        }
        return new($"RECONCILIATION of area {areaId}, {year} needs complete subcontractor statements: {string.Join("; and ", parts)}.");
    }

    public static InvalidStateException NoReferenceRate(int year) =>
        new($"RECONCILIATION of {year} needs a reference hourly rate in the year parameters; none is set.");
}
