using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Providers;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using BudgetAdjustment = GonPortal.Domain.Budgets.BudgetAdjustment;

namespace GonPortal.Server.Budgets;

/// <summary>The lumpsum of an area and year with what it was computed from.</summary>
/// <param name="Adjustments">The ventiel adjustments of the year, oldest first, with their ids.</param>
/// <param name="Holders">Every holder of the area in the year (settlement-rules.md §7), first holder first; one in most years.</param>
/// <param name="HolderNames">The holders' names, for display.</param>
public sealed record AreaLumpsum(
    LumpsumResult Result,
    AreaContract Contract,
    Guid HoofdaanbiederId,
    string HoofdaanbiederName,
    IReadOnlyList<BudgetAdjustment> Adjustments,
    IReadOnlyList<HolderPeriod> Holders,
    IReadOnlyDictionary<Guid, string> HolderNames)
{
    /// <summary>True when the area changes hands in the year: Ltot and PGB are shared by days held.</summary>
    public bool ChangesHands => Holders.Count > 1;

    /// <summary>Each holder's share of Ltot and of <paramref name="pgbCents"/> (PGB(a, y), 0 when none is known), with its advances.</summary>
    public IReadOnlyList<HolderShare> Shares(long pgbCents) => AreaHandover.Split(Result.Year, Result.TotalCents, pgbCents, Holders);

    /// <summary>The share of <paramref name="hoofdaanbiederId"/>, or null when it does not hold the area in the year.</summary>
    public HolderShare? ShareOf(Guid hoofdaanbiederId, long pgbCents) => Shares(pgbCents).FirstOrDefault(s => s.HoofdaanbiederId == hoofdaanbiederId);
}

/// <summary>
/// Gathers the inputs of <see cref="Lumpsum.Compute"/> for an area and year: the area contract
/// covering the year, its base lumpsum, the index rates from the base year on and the year's ventiel
/// adjustments. In a year the area changes hands the year's Ltot is one figure, computed from the base
/// lumpsum of the contract covering the year's end (the new holder's, whose y0 is the year before its
/// period, so the index of the year applies once) and shared by days held (settlement-rules.md §7).
/// Used by GetAreaBudget and by the settlement jobs. Reads only gemeente data (nothing
/// tenant-owned), so it answers the same for every caller; access is checked before it is called.
/// </summary>
public sealed class LumpsumLoader(GonDbContext db)
{
    /// <summary>
    /// NOT_FOUND when no area contract of the area overlaps the year; FAILED_PRECONDITION naming what is
    /// missing when the contract has no base lumpsum or a year of the chain has no index.
    /// </summary>
    public async Task<AreaLumpsum> LoadAsync(int areaId, int year, CancellationToken ct)
    {
        var contract = await ContractAsync(areaId, year, ct)
            ?? throw new NotFoundException("Area contract", $"Area contract of area {areaId} covering {year} not found.");
        var baseLumpsum = await db.BaseLumpsums.AsNoTracking().SingleOrDefaultAsync(b => b.AreaContractId == contract.Id, ct)
            ?? throw new InvalidStateException(
                $"The lumpsum of area {areaId} for {year} cannot be computed: area contract {contract.Id} has no base lumpsum (SetBaseLumpsum).",
                ErrorReasons.SettlementInputMissing, new Dictionary<string, string> { ["input"] = "BASE_LUMPSUM", ["area_id"] = $"{areaId}", ["year"] = $"{year}" });
        if (year < baseLumpsum.BaseYear)
        {
            throw new InvalidStateException($"The lumpsum of area {areaId} starts in base year {baseLumpsum.BaseYear}; {year} lies before it.",
                ErrorReasons.SettlementInputMissing, new Dictionary<string, string> { ["input"] = "BASE_LUMPSUM", ["area_id"] = $"{areaId}", ["year"] = $"{year}" });
        }
        var from = baseLumpsum.BaseYear + 1;
        var indices = await db.IndexRates.AsNoTracking().Where(i => i.Year >= from && i.Year <= year).ToListAsync(ct);
        var adjustments = await db.BudgetAdjustments.AsNoTracking().Where(a => a.AreaId == areaId && a.Year == year).ToListAsync(ct);
        adjustments = [.. adjustments.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)];

        var input = new LumpsumInput(areaId, baseLumpsum.BaseYear, baseLumpsum.AmountCents,
            [.. indices.Select(i => i.ToYearIndex())],
            [.. adjustments.Select(a => new VentielAdjustment(a.Year, a.AmountCents, a.Reason.ToString()))]);
        var result = Lumpsum.Compute(input, year);
        var holders = await AreaHolding.HoldersOfYearAsync(db, areaId, year, ct);
        var ids = holders.Select(h => h.HoofdaanbiederId).Append(contract.HoofdaanbiederId).Distinct().ToList();
        var names = await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new AreaLumpsum(result, contract, contract.HoofdaanbiederId, names.GetValueOrDefault(contract.HoofdaanbiederId, ""), adjustments, holders, names);
    }

    /// <summary>Every holder of the area in the year, first holder first (<see cref="AreaHolding.HoldersOfYearAsync"/>).</summary>
    public Task<List<HolderPeriod>> HoldersAsync(int areaId, int year, CancellationToken ct) => AreaHolding.HoldersOfYearAsync(db, areaId, year, ct);

    /// <summary>The area contract covering the year (see <see cref="AreaHolding.CoveringYearAsync"/>), as the settlement jobs pick it too.</summary>
    public Task<AreaContract?> ContractAsync(int areaId, int year, CancellationToken ct) => AreaHolding.CoveringYearAsync(db, areaId, year, ct);
}
