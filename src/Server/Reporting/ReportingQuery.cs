using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reporting;
using GonPortal.Server.Clients;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Providers;
using GonPortal.Server.Tenancy;
using GonPortal.HostContracts;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Reporting;

/// <summary>
/// Gathers the facts of the reports (reporting.proto) with a few set-based queries and leaves the
/// arithmetic to the domain: delivered volume is summed in the database (grouped per arrangement,
/// reporter and status, never by loading entries), allocation is computed from the arrangement
/// versions with <see cref="AllocatedVolume"/>, the shares with <see cref="AreaShares"/>.
/// Visibility is the data layer's: the tenant filter for hoofdaanbieders and onderaannemers, and
/// for the gemeente one audited <see cref="CrossTenantAccess"/> read per call.
/// </summary>
public sealed class ReportingQuery(GonDbContext db, TenantContext tenant, CrossTenantAccess crossTenant, AreaHolding holding,
    Budgets.YearParametersStore parameters)
{
    /// <summary>An onderaannemer sees only the versions it executes and the entries it reported.</summary>
    public Guid? OnlyExecutor => tenant.Role == GonRoles.Onderaannemer ? tenant.TenantId : null;

    /// <summary>
    /// A hoofdaanbieder may report on an area only when it holds an area contract overlapping
    /// <paramref name="period"/>; otherwise PERMISSION_DENIED (reporting.proto). The gemeente sees
    /// every area; an onderaannemer any area, with only its own rows.
    /// </summary>
    public async Task RequireAreaAsync(int areaId, DateRange period, CancellationToken ct)
    {
        if (holding.CallerIsHoofdaanbieder && !await holding.CallerHoldsAsync(areaId, period.Start, period.End ?? period.Start, ct))
        {
            throw new PermissionDeniedException($"Area {areaId} is not held by this hoofdaanbieder in the requested period.",
                ErrorReasons.AreaNotHeld, new Dictionary<string, string> { ["area_id"] = $"{areaId}" });
        }
    }

    /// <summary>Every started arrangement of the area active in the month or with entries in it, with its allocation per version and its delivery per reporter.</summary>
    public async Task<List<ArrangementMonth>> MonthAsync(int areaId, int year, int month, CancellationToken ct)
    {
        var period = Periods.Month(year, month);
        var from = period.Start;
        var to = period.End!.Value;
        var arrangements = await crossTenant.VisibleAsync<Arrangement>($"Reporting area {areaId} {year}-{month:D2}", ct);
        var entries = crossTenant.AlongsideRead<HourEntry>();

        var sums = await entries.AsNoTracking()
            .Where(e => e.AreaId == areaId && e.ServiceDate >= from && e.ServiceDate <= to
                && (e.Status == HourEntryStatus.Approved || e.Status == HourEntryStatus.Submitted))
            .GroupBy(e => new { e.ArrangementId, e.ReportedByProviderId, e.Status })
            .Select(g => new { g.Key.ArrangementId, g.Key.ReportedByProviderId, g.Key.Status, Quantity = g.Sum(e => (long)e.Quantity) })
            .ToListAsync(ct);

        var loaded = await arrangements.AsNoTracking()
            .Where(a => a.AreaId == areaId && (a.State == ArrangementState.Active || a.State == ArrangementState.Ended)
                && a.Unit != null && a.StartDate != null && a.StartDate <= to && (a.EndDate == null || a.EndDate >= from))
            .ToListAsync(ct);
        var missing = sums.Select(s => s.ArrangementId).Distinct().Except(loaded.Select(a => a.Id)).ToList();
        if (missing.Count > 0)
        {
            loaded.AddRange(await arrangements.AsNoTracking()
                .Where(a => missing.Contains(a.Id) && a.Unit != null && a.StartDate != null && a.Versions.Any()).ToListAsync(ct));
        }

        var delivered = sums.GroupBy(s => s.ArrangementId).ToDictionary(g => g.Key, g => g
            .GroupBy(s => s.ReportedByProviderId)
            .ToDictionary(r => r.Key, r => new Delivered(
                r.Where(s => s.Status == HourEntryStatus.Approved).Sum(s => s.Quantity),
                r.Where(s => s.Status == HourEntryStatus.Submitted).Sum(s => s.Quantity))));

        var only = OnlyExecutor;
        var result = new List<ArrangementMonth>(loaded.Count);
        foreach (var a in loaded)
        {
            var allocations = Allocate(a, period);
            var byReporter = delivered.GetValueOrDefault(a.Id) ?? [];
            if (only is { } me)
            {
                allocations = allocations.Where(x => x.Version.ExecutorProviderId == me).ToList();
                byReporter = byReporter.Where(r => r.Key == me).ToDictionary(r => r.Key, r => r.Value);
                if (!allocations.Any(x => x.Allocation.ActiveDays > 0) && byReporter.Count == 0)
                {
                    continue;
                }
            }
            var activeDays = a.IsStarted ? Periods.DaysInclusive(Later(a.StartDate!.Value, from), a.EndDate is { } e && e < to ? e : to) : 0;
            result.Add(new ArrangementMonth(a, period, activeDays, allocations, byReporter));
        }
        return result;
    }

    /// <summary>Client display names for the rows (the gemeente's read of them was audited with the arrangements).</summary>
    public Task<Dictionary<Guid, string>> ClientNamesAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken ct) =>
        crossTenant.ClientNamesAsync(clientIds, ct);

    /// <summary>Provider names; providers are public reference data.</summary>
    public Task<Dictionary<Guid, string>> ProviderNamesAsync(IReadOnlyCollection<Guid> providerIds, CancellationToken ct) =>
        db.ProviderNamesAsync(providerIds, ct);

    /// <summary>
    /// The basis and initiative share of the area on <paramref name="date"/>, against the targets of the year parameters in
    /// force for that year (the policy defaults of <see cref="PolicyShareTargets"/> until the gemeente saves a version), as
    /// the reconciliation assesses them.
    /// </summary>
    public async Task<AreaShareResult> SharesAsync(int areaId, DateOnly date, CancellationToken ct)
    {
        var arrangements = await crossTenant.VisibleAsync<Arrangement>($"Reporting area {areaId} shares {date:yyyy-MM-dd}", ct);
        var active = await arrangements.AsNoTracking()
            .Where(a => a.AreaId == areaId && (a.State == ArrangementState.Active || a.State == ArrangementState.Ended)
                && a.SupportType != null && a.StartDate != null && a.StartDate <= date && (a.EndDate == null || a.EndDate >= date))
            .ToListAsync(ct);
        // One fact per version with that version's dates, so the version in force decides via_initiative.
        var facts = active.SelectMany(a => a.OrderedVersions.Select((v, i) => new ShareArrangementFacts(
            a.ClientId, a.AreaId, a.SupportType == SupportType.Basis, v.ViaInitiative,
            i == 0 ? a.StartDate!.Value : Later(v.EffectiveFrom, a.StartDate!.Value), a.EffectiveTo(v))));
        var targets = await parameters.InForceAsync(date.Year, ct);
        return AreaShares.Compute(facts, areaId, date, targets.BasisShareTargetBp, targets.InitiativeShareTargetBp);
    }

    private static List<(ArrangementVersion Version, VersionAllocation Allocation)> Allocate(Arrangement a, DateRange period)
    {
        var versions = a.OrderedVersions;
        var facts = new AllocationFacts(a.StartDate!.Value, a.EndDate,
            versions.Select(v => new VolumeVersion(v.EffectiveFrom, v.Volume, v.Frequency)).ToList());
        // Only started arrangements are allocated; one with entries but not started (not possible today) gets 0.
        var allocations = a.IsStarted ? AllocatedVolume.PerVersion(facts, period) : [];
        return versions.Select(v => (v, allocations.FirstOrDefault(x => x.Version.EffectiveFrom == v.EffectiveFrom)
            ?? new VersionAllocation(new VolumeVersion(v.EffectiveFrom, v.Volume, v.Frequency), null, null, 0, Rational.Zero, Rational.Zero)))
            .ToList();
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>Approved and submitted quantity of one reporter on one arrangement in the month.</summary>
public readonly record struct Delivered(long Approved, long Submitted);

/// <summary>One arrangement in the month: its active days, allocation per version, delivery per reporter.</summary>
public sealed record ArrangementMonth(
    Arrangement Arrangement,
    DateRange Period,
    int ActiveDays,
    IReadOnlyList<(ArrangementVersion Version, VersionAllocation Allocation)> Allocations,
    IReadOnlyDictionary<Guid, Delivered> ByReporter)
{
    /// <summary>Figures over everything the caller sees of this arrangement.</summary>
    public VolumeFigures Figures => VolumeFigures.ForArrangement(
        Rational.Sum(Allocations.Select(x => x.Allocation.Allocated)),
        ByReporter.Values.Sum(d => d.Approved),
        ByReporter.Values.Sum(d => d.Submitted));

    /// <summary>The part of one executing provider: the versions it executes and the entries it reported.</summary>
    public VolumeFigures FiguresOf(Guid providerId)
    {
        var mine = ByReporter.GetValueOrDefault(providerId);
        return VolumeFigures.ForArrangement(
            Rational.Sum(Allocations.Where(x => x.Version.ExecutorProviderId == providerId).Select(x => x.Allocation.Allocated)),
            mine.Approved, mine.Submitted);
    }

    /// <summary>Providers with a version active in the month, or entries in it.</summary>
    public IEnumerable<Guid> Providers => Allocations.Where(x => x.Allocation.ActiveDays > 0).Select(x => x.Version.ExecutorProviderId)
        .Concat(ByReporter.Keys).Distinct();

    /// <summary>True when <paramref name="providerId"/> executes a version active in the month.</summary>
    public bool Executes(Guid providerId) => Allocations.Any(x => x.Allocation.ActiveDays > 0 && x.Version.ExecutorProviderId == providerId);

    /// <summary>The version in force on the last active day of the month (or of the arrangement, when none).</summary>
    public ArrangementVersion? VersionAtMonthEnd
    {
        get
        {
            var end = Period.End!.Value;
            var last = Arrangement.EndDate is { } e && e < end ? e : end;
            return Arrangement.VersionOn(last) ?? Arrangement.OrderedVersions.LastOrDefault();
        }
    }
}
