using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>The lumpsum of an area and year with the figures it came from.</summary>
internal sealed record LoadedLumpsum(Guid AreaContractId, LumpsumResult Result, IReadOnlyList<IndexRate> Indices, IReadOnlyList<Guid> AdjustmentIds);

/// <summary>
/// Gathers B(a), the indices and the ventiel adjustments and lets <see cref="Lumpsum.Compute"/> do the
/// arithmetic. Budget figures are not tenant-owned (the gemeente's data), so no filter is involved.
/// A small internal copy for the settlement jobs; the budget service has its own (to be merged).
/// </summary>
internal sealed class LumpsumLoader(GonDbContext db)
{
    /// <summary>Throws <see cref="InvalidStateException"/> when the lumpsum cannot be computed (no contract, no base lumpsum, a missing index).</summary>
    public async Task<LoadedLumpsum> LoadAsync(int areaId, int year, CancellationToken ct)
    {
        var contract = await AreaContractLookup.CoveringAsync(db, areaId, year, ct)
            ?? throw new InvalidStateException($"Area {areaId} has no area contract in {year}.");
        var baseLumpsum = await db.BaseLumpsums.AsNoTracking().SingleOrDefaultAsync(b => b.AreaContractId == contract.Id, ct)
            ?? throw new InvalidStateException($"The area contract of area {areaId} for {year} has no base lumpsum.");
        if (year < baseLumpsum.BaseYear)
        {
            throw new InvalidStateException($"The lumpsum of area {areaId} starts in {baseLumpsum.BaseYear}; {year} is before it.");
        }
        var indices = await db.IndexRates.AsNoTracking().Where(i => i.Year > baseLumpsum.BaseYear && i.Year <= year).OrderBy(i => i.Year).ToListAsync(ct);
        var adjustments = await db.BudgetAdjustments.AsNoTracking().Where(a => a.AreaId == areaId && a.Year == year)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(ct);
        var input = new LumpsumInput(areaId, baseLumpsum.BaseYear, baseLumpsum.AmountCents,
            indices.Select(i => i.ToYearIndex()).ToList(),
            adjustments.Select(a => new VentielAdjustment(a.Year, a.AmountCents, a.Description)).ToList());
        return new LoadedLumpsum(contract.Id, Lumpsum.Compute(input, year), indices, adjustments.Select(a => a.Id).ToList());
    }
}
