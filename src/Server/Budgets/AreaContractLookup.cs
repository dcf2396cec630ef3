using GonPortal.Domain.Providers;
using GonPortal.Server.Data;
using GonPortal.Server.Providers;

namespace GonPortal.Server.Budgets;

/// <summary>The area contract covering a year, as <see cref="AreaHolding.CoveringYearAsync"/> defines it; kept for the PGB and settlement loaders that call it by this name.</summary>
public static class AreaContractLookup
{
    public static Task<AreaContract?> CoveringAsync(GonDbContext db, int areaId, int year, CancellationToken ct) =>
        AreaHolding.CoveringYearAsync(db, areaId, year, ct);
}
