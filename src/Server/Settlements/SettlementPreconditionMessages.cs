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
        new($"SUBCONTRACTOR_STATEMENTS needs a month that has ended; {year}-{month:D2} has not ended yet.",
            ErrorReasons.MonthNotEnded, new Dictionary<string, string> { ["year"] = $"{year}", ["month"] = $"{month}" });

    public static InvalidStateException NoFinalPgb(int areaId, int year) =>
        new($"RECONCILIATION of area {areaId}, {year} needs a succeeded PGB_FINAL run of that area and year.",
            ErrorReasons.SettlementInputMissing, new Dictionary<string, string> { ["input"] = "PGB_FINAL", ["area_id"] = $"{areaId}", ["year"] = $"{year}" });

    /// <summary><paramref name="holder"/>: the hoofdaanbieder without a report when the area changed hands in the year (each holder reports its own O).</summary>
    public static InvalidStateException NoYearReport(int areaId, int year, Guid? holder = null) => holder is { } h
        ? new($"RECONCILIATION of area {areaId}, {year} needs a year report of every hoofdaanbieder that held the area in {year}; hoofdaanbieder {h} submitted none.",
            ErrorReasons.SettlementInputMissing, new Dictionary<string, string> { ["input"] = "YEAR_REPORT", ["area_id"] = $"{areaId}", ["year"] = $"{year}", ["hoofdaanbieder_id"] = $"{h}" })
        : new($"RECONCILIATION of area {areaId}, {year} needs the hoofdaanbieder's year report; none was submitted.",
            ErrorReasons.SettlementInputMissing, new Dictionary<string, string> { ["input"] = "YEAR_REPORT", ["area_id"] = $"{areaId}", ["year"] = $"{year}" });

    public static InvalidStateException NoAreaContract(int areaId, int year) =>
        new($"Area {areaId} has no area contract in {year}.",
            ErrorReasons.AreaWithoutContract, new Dictionary<string, string> { ["area_id"] = $"{areaId}", ["year"] = $"{year}" });

    /// <summary>settlement-rules.md §4: every month with a subcontract in force needs a succeeded statement run, and no approval after it.</summary>
    public static InvalidStateException IncompleteStatements(int areaId, int year, IReadOnlyList<StatementMonthStatus> blocking)
    {
        static string Subcontracts(StatementMonthStatus m) => m.SubcontractsInForce.Count == 0 ? "no subcontract in force"
            : $"subcontract{(m.SubcontractsInForce.Count == 1 ? "" : "s")} {string.Join(", ", m.SubcontractsInForce)}";
        var months = blocking.Select(m => m.State == StatementMonthState.Stale
            ? $"{year}-{m.Month:D2}: entries approved after its SUBCONTRACTOR_STATEMENTS run, run it again ({Subcontracts(m)})"
            : $"{year}-{m.Month:D2}: no succeeded SUBCONTRACTOR_STATEMENTS run ({Subcontracts(m)})");
        return new($"RECONCILIATION of area {areaId}, {year} needs complete subcontractor statements; {string.Join("; ", months)}.",
            ErrorReasons.StatementsIncomplete, new Dictionary<string, string>
            {
                ["area_id"] = $"{areaId}",
                ["year"] = $"{year}",
                ["missing_count"] = $"{blocking.Count}",
                ["months"] = string.Join(",", blocking.Select(m => m.Month)),
            });
    }

    public static InvalidStateException NoReferenceRate(int year) =>
        new($"RECONCILIATION of {year} needs a reference hourly rate in the year parameters; none is set.",
            ErrorReasons.SettlementInputMissing, new Dictionary<string, string> { ["input"] = "REFERENCE_RATE", ["year"] = $"{year}" });
}
