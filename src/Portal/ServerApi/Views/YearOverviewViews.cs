using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>The gemeente's year overview: every area of one year, as the Server gathered it.</summary>
public sealed record YearOverviewView(int Year, DateTimeOffset? ComputedAt, IReadOnlyList<AreaYearView> Areas);

/// <summary>
/// One area's year. <see cref="Lumpsum"/> is null unless the lumpsum could be computed (<see cref="LumpsumState"/>
/// says why not); <see cref="Pgb"/> null while no PGB settlement was run.
/// </summary>
public sealed record AreaYearView(
    int AreaId,
    string AreaName,
    YearOverviewLumpsumState LumpsumState,
    LumpsumView? Lumpsum,
    int EndedMonths,
    long AdvancesPaidCents,
    long AdvancesPlannedCents,
    YearPgbView? Pgb,
    long StatementsTotalCents,
    int StatementCount,
    IReadOnlyList<HolderYearView> Holders)
{
    /// <summary>True when the area changes hands in the year, so each holder's share is shown.</summary>
    public bool ChangesHands => Holders.Count > 1;

    /// <summary>Own costs of every holder's year report; null while none was submitted.</summary>
    public long? OwnCostsCents => Holders.Any(h => h.OwnCostsCents is not null) ? Holders.Sum(h => h.OwnCostsCents ?? 0) : null;

    /// <summary>The reconciliations' results added up; null while no holder's was run.</summary>
    public long? ResultCents => Holders.Any(h => h.Reconciliation is not null) ? Holders.Sum(h => h.Reconciliation?.ResultCents ?? 0) : null;

    /// <summary>What the holders pay back together; null while no holder's reconciliation was run.</summary>
    public long? RepaymentCents => Holders.Any(h => h.Reconciliation is not null) ? Holders.Sum(h => h.Reconciliation?.RepaymentCents ?? 0) : null;
}

/// <summary>The PGB settlement an overview shows: the final one when it exists, else the provisional one.</summary>
public sealed record YearPgbView(SettlementRunKind Kind, int Revision, long AmountCents);

/// <summary>
/// One hoofdaanbieder's part of an area-year (the whole year unless the area changes hands). Share figures are
/// null while the lumpsum is not computed.
/// </summary>
public sealed record HolderYearView(
    string Name,
    DateOnly? HeldFrom,
    DateOnly? HeldTo,
    int DaysHeld,
    long? LumpsumShareCents,
    long PgbShareCents,
    long AdvancesPaidCents,
    long AdvancesPlannedCents,
    long StatementsCents,
    long? OwnCostsCents,
    bool ReportLocked,
    ReconciliationView? Reconciliation);
