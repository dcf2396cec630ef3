using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Budgets;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>The PGB inputs of an area and year (settlement-rules.md §2).</summary>
internal sealed record PgbInputSet(AreaContract Contract, PgbBaseline Baseline, IReadOnlyList<PgbMonthlyCount> Counts, PgbAverageCost Cost);

/// <summary>
/// Loads the PGB inputs of a run (at start and when it executes) and refuses (<see cref="InvalidStateException"/>, FAILED_PRECONDITION) when
/// one is missing; a final run names the missing months. Budget figures are the gemeente's and not
/// tenant-owned, so no filter is involved.
/// </summary>
internal sealed class PgbInputLoader(PgbYearLoader figures)
{
    public async Task<PgbInputSet> LoadAsync(SettlementKind kind, int areaId, int year, CancellationToken ct)
    {
        var name = kind == SettlementKind.PgbFinal ? "PGB_FINAL" : "PGB_PROVISIONAL";
        var (contract, baseline, counts, cost) = await figures.LoadAsync(areaId, year, ct);
        if (contract is null)
        {
            throw new InvalidStateException($"{name} of area {areaId}, {year}: the area has no area contract in {year}.",
                ErrorReasons.AreaWithoutContract, Values("AREA_CONTRACT"));
        }
        if (baseline is null)
        {
            throw new InvalidStateException($"{name} of area {areaId}, {year} needs the PGB baseline of the area contract; none is set.",
                ErrorReasons.SettlementInputMissing, Values("PGB_BASELINE"));
        }
        if (kind == SettlementKind.PgbFinal && counts.Count < 12)
        {
            var missing = Enumerable.Range(1, 12).Except(counts.Select(c => c.Month)).ToList();
            throw new InvalidStateException(
                $"PGB_FINAL needs 12 monthly counts; month{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing (area {areaId}, {year}).",
                ErrorReasons.SettlementInputMissing, Values("PGB_MONTHLY_COUNTS", missing.Count));
        }
        if (counts.Count == 0)
        {
            throw new InvalidStateException($"PGB_PROVISIONAL needs at least one monthly count; area {areaId} has none for {year}.",
                ErrorReasons.SettlementInputMissing, Values("PGB_MONTHLY_COUNTS"));
        }
        if (cost is null)
        {
            throw new InvalidStateException($"{name} of area {areaId}, {year} needs the average PGB cost per client; none is set.",
                ErrorReasons.SettlementInputMissing, Values("PGB_AVERAGE_COST"));
        }
        return new PgbInputSet(contract, baseline, counts, cost);

        Dictionary<string, string> Values(string input, int? missingCount = null)
        {
            var values = new Dictionary<string, string> { ["input"] = input, ["area_id"] = $"{areaId}", ["year"] = $"{year}" };
            if (missingCount is { } n)
            {
                values["missing_count"] = $"{n}";
            }
            return values;
        }
    }
}
