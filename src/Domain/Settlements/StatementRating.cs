using GonPortal.Domain.Reference;
using GonPortal.Domain.Subcontracts;

namespace GonPortal.Domain.Settlements;

/// <summary>Approved quantity of one area, product and unit on one service date, before its rate is looked up.</summary>
/// <param name="Quantity">Minutes for <see cref="Unit.Hour"/>, else the count; signed.</param>
/// <param name="EntryCount">How many entries it sums.</param>
public sealed record DatedStatementEntry(int AreaId, Product Product, Unit Unit, DateOnly ServiceDate, long Quantity, int EntryCount);

/// <summary>
/// Gives every dated quantity the rate in force on its service date (settlement-rules.md §3), so a
/// rate change in the middle of a month splits the month into a line per rate.
/// </summary>
public static class StatementRating
{
    /// <summary>
    /// The entries for <see cref="SubcontractorStatement.Compute"/> and the entry count per line key
    /// (area, product, unit, rate). Throws <see cref="Common.InvalidStateException"/> naming the first date without a rate.
    /// </summary>
    public static (List<StatementEntry> Entries, Dictionary<(int AreaId, Product Product, Unit Unit, long RateCents), int> Counts) Rate(
        IReadOnlyList<SubcontractRate> rates, IEnumerable<DatedStatementEntry> dated)
    {
        var entries = new List<StatementEntry>();
        var counts = new Dictionary<(int, Product, Unit, long), int>();
        foreach (var d in dated.OrderBy(d => d.ServiceDate))
        {
            var rate = RateLookup.Require(rates, d.Product, d.Unit, d.ServiceDate).RateCents;
            entries.Add(new StatementEntry(d.AreaId, d.Product, d.Unit, rate, d.Quantity));
            var key = (d.AreaId, d.Product, d.Unit, rate);
            counts[key] = counts.GetValueOrDefault(key) + d.EntryCount;
        }
        return (entries, counts);
    }
}
