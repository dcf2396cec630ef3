using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Subcontracts;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Subcontracts;

/// <summary>
/// An onderaannemer's hour entry can be approved only when its subcontract has a rate in force on
/// the service date (settlement-rules.md 1.1 §3); otherwise the statement could not price it. Called
/// by every approval path before it approves anything, so a refusal approves nothing.
/// </summary>
public sealed class SubcontractRateCheck(GonDbContext db)
{
    /// <summary>
    /// FAILED_PRECONDITION naming the earliest service date (and the entry's key) without a rate.
    /// Own staff's entries and entries already approved need no check. Reads the subcontracts through
    /// the tenant filter: the approving hoofdaanbieder owns the entry and its subcontract alike.
    /// </summary>
    public async Task RequireRatesAsync(IReadOnlyCollection<HourEntry> entries, CancellationToken ct)
        => await RequireRatesAsync(entries.Where(e => e.SubcontractId is not null && e.Status != HourEntryStatus.Approved)
            .Select(e => new DatedWork(e.SubcontractId!.Value, e.Product, e.Unit, e.ServiceDate, e.EntryKey)).ToList(), ct);

    /// <summary>
    /// The same check for an approval by filter: only the distinct subcontract, product, unit and date
    /// combinations of the selection are read (a few hundred at most for 200,000 entries), never the entries.
    /// </summary>
    public async Task RequireRatesAsync(IQueryable<HourEntry> selection, CancellationToken ct)
    {
        var work = await selection.Where(e => e.SubcontractId != null && e.Status != HourEntryStatus.Approved)
            .GroupBy(e => new { e.SubcontractId, e.Product, e.Unit, e.ServiceDate })
            .Select(g => new { g.Key.SubcontractId, g.Key.Product, g.Key.Unit, g.Key.ServiceDate, Key = g.Min(e => e.EntryKey) })
            .ToListAsync(ct);
        await RequireRatesAsync(work.Select(w => new DatedWork(w.SubcontractId!.Value, w.Product, w.Unit, w.ServiceDate, w.Key!)).ToList(), ct);
    }

    private sealed record DatedWork(Guid SubcontractId, Domain.Reference.Product Product, Domain.Reference.Unit Unit, DateOnly ServiceDate, string EntryKey);

    private async Task RequireRatesAsync(IReadOnlyList<DatedWork> pending, CancellationToken ct)
    {
        if (pending.Count == 0)
        {
            return;
        }
        var ids = pending.Select(e => e.SubcontractId).Distinct().ToList();
        var rates = await db.Subcontracts.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Rates, ct);
        foreach (var e in pending.OrderBy(e => e.ServiceDate).ThenBy(e => e.EntryKey, StringComparer.Ordinal))
        {
            if (!rates.TryGetValue(e.SubcontractId, out var periods) || RateLookup.InForce(periods, e.Product, e.Unit, e.ServiceDate) is null)
            {
                throw new InvalidStateException($"Hour entry {e.EntryKey} cannot be approved: {RateLookup.Missing(e.Product, e.Unit, e.ServiceDate)}",
                    ErrorReasons.SubcontractRateMissing,
                    new Dictionary<string, string> { ["date"] = e.ServiceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["entry_key"] = e.EntryKey });
            }
        }
    }
}
