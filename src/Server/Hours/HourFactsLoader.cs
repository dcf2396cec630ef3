using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Subcontracts;
using GonPortal.Domain.Validation;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Hours;

/// <summary>
/// Gathers, with a handful of set-based queries per chunk, the facts the domain needs to judge a
/// chunk of hour entries: the arrangements (through the tenant filter, so a foreign arrangement is
/// simply absent), their subcontracts, stored entries with the same keys, reversed entries, and the
/// minutes already on each client-day.
/// </summary>
public sealed class HourFactsLoader(GonDbContext db, TenantContext tenant, TenantBlindLookups lookups)
{
    public async Task<List<HourEntryCheck>> GatherAsync(IReadOnlyList<HourEntryInput> inputs, CancellationToken ct)
    {
        var arrangementIds = inputs.Select(i => ParseId(i.ArrangementId)).OfType<Guid>().Distinct().ToList();
        // Only what the judgement reads: no beschikkingen, no notes, no change tracking (the entity with its owned
        // collections cost a join per collection and most of the chunk's materialisation).
        var arrangements = arrangementIds.Count == 0 ? [] : await db.Arrangements.AsNoTracking().Where(a => arrangementIds.Contains(a.Id))
            .Where(a => a.Product != null && a.Unit != null && a.StartDate != null)
            .Select(a => new ArrangementRow(a.Id, a.TenantId, a.ClientId, a.AreaId, a.Product!.Value, a.Unit!.Value, a.StartDate!.Value, a.EndDate, a.State,
                a.Versions.Select(v => new VersionRow(v.Number, v.EffectiveFrom, v.ExecutorProviderId, v.SubcontractId)).ToList()))
            .ToListAsync(ct);
        var subcontractIds = arrangements.SelectMany(a => a.Versions).Select(v => v.SubcontractId).OfType<Guid>().Distinct().ToList();
        var subcontracts = subcontractIds.Count == 0 ? [] : await db.Subcontracts.AsNoTracking().Where(s => subcontractIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var facts = arrangements.ToDictionary(a => a.Id, a => ToFacts(a, subcontracts));

        // Only keys that could be stored are looked up: an invalid one (a NUL, 100,000 characters) is the domain's to
        // reject, and PostgreSQL would refuse a NUL in the query itself.
        var keys = inputs.Select(i => i.EntryKey).Where(Text.IsValidRequestId).Distinct().ToList();
        var reporter = tenant.TenantId;
        var sameKey = keys.Count == 0 ? new Dictionary<string, HourEntry>(StringComparer.Ordinal) : await db.HourEntries.AsNoTracking()
            .Where(e => e.ReportedByProviderId == reporter && keys.Contains(e.EntryKey))
            .ToDictionaryAsync(e => e.EntryKey, StringComparer.Ordinal, ct);

        var reversedIds = inputs.Select(i => ParseId(i.ReversesEntryId)).OfType<Guid>().Distinct().ToList();
        var reversed = reversedIds.Count == 0 ? [] : await db.HourEntries.AsNoTracking().Where(e => reversedIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var reversedBy = await ReversedByAsync(sameKey.Values.Select(e => e.Id).Concat(reversed.Keys).ToList(), ct);

        var minutes = await ClientDayMinutesAsync(inputs, facts, ct);

        return inputs.Select(input =>
        {
            var arrangement = ParseId(input.ArrangementId) is { } id ? facts.GetValueOrDefault(id) : null;
            var stored = input.EntryKey is { } k ? sameKey.GetValueOrDefault(k) : null;
            var reversedEntry = ParseId(input.ReversesEntryId) is { } r ? reversed.GetValueOrDefault(r) : null;
            var dayMinutes = arrangement is not null && input.ServiceDate is { } d ? minutes.GetValueOrDefault((arrangement.ClientId, d)) : 0;
            return new HourEntryCheck(input, arrangement,
                stored?.ToFacts(reversedBy.GetValueOrDefault(stored.Id)),
                reversedEntry?.ToFacts(reversedBy.GetValueOrDefault(reversedEntry.Id)),
                dayMinutes);
        }).ToList();
    }

    /// <summary>A pending or approved reversal blocks another; a rejected one does not.</summary>
    private async Task<Dictionary<Guid, Guid?>> ReversedByAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await db.HourEntries.AsNoTracking()
            .Where(e => e.ReversesEntryId != null && ids.Contains(e.ReversesEntryId.Value) && e.Status != HourEntryStatus.Rejected)
            .Select(e => new { Reversed = e.ReversesEntryId!.Value, e.Id }).ToListAsync(ct);
        return rows.GroupBy(r => r.Reversed).ToDictionary(g => g.Key, g => (Guid?)g.First().Id);
    }

    /// <summary>
    /// Minutes already reported on each client-day by anyone. The 24-hour rule spans reporters, so this
    /// one aggregate reads past the tenant filter (through <see cref="TenantBlindLookups"/>); it returns only sums, never another tenant's rows.
    /// </summary>
    private async Task<Dictionary<(Guid Client, DateOnly Date), int>> ClientDayMinutesAsync(
        IReadOnlyList<HourEntryInput> inputs, Dictionary<Guid, ArrangementFacts> facts, CancellationToken ct)
    {
        var days = inputs.Where(i => i.Unit == Unit.Hour && i.ServiceDate is not null && ParseId(i.ArrangementId) is { } id && facts.ContainsKey(id))
            .Select(i => (Client: facts[ParseId(i.ArrangementId)!.Value].ClientId, Date: i.ServiceDate!.Value)).Distinct().ToList();
        if (days.Count == 0)
        {
            return [];
        }
        var clients = days.Select(d => d.Client).Distinct().ToList();
        var from = days.Min(d => d.Date);
        var to = days.Max(d => d.Date);
        var sums = await lookups.HourEntriesForDaySums()
            .Where(e => clients.Contains(e.ClientId) && e.ServiceDate >= from && e.ServiceDate <= to
                && e.Unit == Unit.Hour && e.Status != HourEntryStatus.Rejected)
            .GroupBy(e => new { e.ClientId, e.ServiceDate })
            .Select(g => new { g.Key.ClientId, g.Key.ServiceDate, Minutes = g.Sum(e => e.Quantity) })
            .ToListAsync(ct);
        return sums.ToDictionary(s => (s.ClientId, s.ServiceDate), s => s.Minutes);
    }

    private sealed record VersionRow(int Number, DateOnly EffectiveFrom, Guid ExecutorProviderId, Guid? SubcontractId);

    private sealed record ArrangementRow(Guid Id, Guid TenantId, Guid ClientId, int AreaId, Product Product, Unit Unit, DateOnly StartDate,
        DateOnly? EndDate, ArrangementState State, List<VersionRow> Versions);

    private static ArrangementFacts ToFacts(ArrangementRow a, IReadOnlyDictionary<Guid, Subcontract> subcontracts) => new(
        a.Id, a.TenantId, a.ClientId, a.AreaId, a.Product, a.Unit, a.StartDate, a.EndDate, Arrangement.Started(a.State),
        a.Versions.OrderBy(v => v.Number).Select(v => new ExecutorVersionFacts(v.EffectiveFrom, v.ExecutorProviderId,
            v.SubcontractId is { } sid && subcontracts.TryGetValue(sid, out var s)
                ? new SubcontractFacts(s.Id, s.State is SubcontractState.Consented or SubcontractState.Ended, s.ValidFrom, s.ValidTo,
                    s.AreaIds.ToHashSet(), s.Rates.Select(r => r.Product).ToHashSet())
                : null)).ToList());

    private static Guid? ParseId(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
