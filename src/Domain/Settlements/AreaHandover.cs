using System.Numerics;
using GonPortal.Domain.Common;
using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Settlements;

/// <summary>
/// The days one hoofdaanbieder holds an area within a year: its area contract's period clipped to the
/// year. Handovers happen on the first of a month, so <see cref="From"/> is a first of a month.
/// </summary>
public sealed record HolderPeriod(Guid HoofdaanbiederId, Guid AreaContractId, DateOnly From, DateOnly To);

/// <summary>
/// One holder's part of an area-year (settlement-rules.md §7) with the figures behind it.
/// </summary>
/// <param name="Days">d_h: days held in the year, both ends counted.</param>
/// <param name="YearDays">Days of the year (365 or 366).</param>
/// <param name="FirstMonth">First held month (1-12).</param>
/// <param name="LastMonth">Last held month (1-12).</param>
/// <param name="LumpsumShareUnrounded">Ltot * d_h / days, exact; for the last holder the share is the remainder instead.</param>
/// <param name="LumpsumShareCents">Ltot_h.</param>
/// <param name="PgbShareCents">PGB_h, split like Ltot.</param>
/// <param name="MonthlyAdvanceCents">floor(Ltot_h / n_h), paid in each held month but the last.</param>
/// <param name="LastAdvanceCents">Ltot_h - (n_h - 1) * floor(Ltot_h / n_h), paid in the last held month.</param>
/// <param name="IsLast">The year's last holder, who receives the remainders.</param>
/// <param name="IsWholeYear">The only holder of the year: §1's twelve advances apply unchanged.</param>
public sealed record HolderShare(
    Guid HoofdaanbiederId,
    Guid AreaContractId,
    DateOnly From,
    DateOnly To,
    int Days,
    int YearDays,
    int FirstMonth,
    int LastMonth,
    Rational LumpsumShareUnrounded,
    long LumpsumShareCents,
    Rational PgbShareUnrounded,
    long PgbShareCents,
    long MonthlyAdvanceCents,
    long LastAdvanceCents,
    bool IsLast,
    bool IsWholeYear)
{
    /// <summary>n_h: held months.</summary>
    public int Months => LastMonth - FirstMonth + 1;

    /// <summary>Whether <paramref name="month"/> is one of the held months.</summary>
    public bool Holds(int month) => month >= FirstMonth && month <= LastMonth;

    /// <summary>The advance of <paramref name="month"/>: 0 outside the held months; they add up to <see cref="LumpsumShareCents"/>.</summary>
    public long AdvanceOf(int month) =>
        !Holds(month) ? 0 : month == LastMonth ? LastAdvanceCents : MonthlyAdvanceCents;

    /// <summary>The held months with their advances, first held month first.</summary>
    public IReadOnlyList<(int Month, long AmountCents)> Advances =>
        [.. Enumerable.Range(FirstMonth, Months).Select(m => (m, AdvanceOf(m)))];
}

/// <summary>
/// An area that changes hands during a year (settlement-rules.md §7): Ltot and PGB shared by the days
/// held, the last holder taking the remainder, and advances per holder over its own months. A year with
/// one holder keeps §1 (twelve advances, the whole Ltot and PGB), so single-holder figures never move.
/// </summary>
public static class AreaHandover
{
    /// <summary>
    /// The shares of <paramref name="holders"/> (any order) in <paramref name="year"/>. Periods are
    /// clipped to the year; they must not overlap and each must start on the first of a month.
    /// <paramref name="pgbCents"/> is PGB(a, y), 0 when none is known yet.
    /// </summary>
    public static IReadOnlyList<HolderShare> Split(int year, long lumpsumTotalCents, long pgbCents, IReadOnlyList<HolderPeriod> holders)
    {
        ArgumentNullException.ThrowIfNull(holders);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var yearDays = Periods.DaysInclusive(first, last);
        var clipped = holders
            .Where(h => h.From <= last && h.To >= first)
            .Select(h => h with { From = h.From < first ? first : h.From, To = h.To > last ? last : h.To })
            .OrderBy(h => h.From)
            .ToList();
        if (clipped.Count == 0)
        {
            throw new ArgumentException($"No holder holds the area in {year}.", nameof(holders));
        }
        for (var i = 0; i < clipped.Count; i++)
        {
            if (clipped[i].To < clipped[i].From)
            {
                throw new ArgumentException($"A holding period ends before it starts ({clipped[i].From} - {clipped[i].To}).", nameof(holders));
            }
            if (clipped[i].From.Day != 1)
            {
                throw new ArgumentException($"A holding period starts on {clipped[i].From}; handovers happen on the first of a month.", nameof(holders));
            }
            if (i > 0 && clipped[i].From <= clipped[i - 1].To)
            {
                throw new ArgumentException($"Two holding periods overlap on {clipped[i].From}.", nameof(holders));
            }
        }

        if (clipped.Count == 1)
        {
            var only = clipped[0];
            var monthly = SettlementRules.FloorDiv(lumpsumTotalCents, 12);
            return [new HolderShare(only.HoofdaanbiederId, only.AreaContractId, only.From, only.To, Periods.DaysInclusive(only.From, only.To), yearDays,
                1, 12, lumpsumTotalCents, lumpsumTotalCents, pgbCents, pgbCents, monthly, checked(lumpsumTotalCents - 11 * monthly), true, true)];
        }

        var shares = new List<HolderShare>(clipped.Count);
        long lumpsumGiven = 0, pgbGiven = 0;
        for (var i = 0; i < clipped.Count; i++)
        {
            var h = clipped[i];
            var days = Periods.DaysInclusive(h.From, h.To);
            var isLast = i == clipped.Count - 1;
            // Multiply before dividing: Ltot * d_h / days exact, rounded once.
            var lumpsumUnrounded = new Rational((BigInteger)lumpsumTotalCents * days, yearDays);
            var pgbUnrounded = new Rational((BigInteger)pgbCents * days, yearDays);
            var lumpsumShare = isLast ? checked(lumpsumTotalCents - lumpsumGiven) : SettlementRules.RoundCents(lumpsumUnrounded);
            var pgbShare = isLast ? checked(pgbCents - pgbGiven) : SettlementRules.RoundCents(pgbUnrounded);
            lumpsumGiven = checked(lumpsumGiven + lumpsumShare);
            pgbGiven = checked(pgbGiven + pgbShare);
            var months = h.To.Month - h.From.Month + 1;
            var monthly = SettlementRules.FloorDiv(lumpsumShare, months);
            shares.Add(new HolderShare(h.HoofdaanbiederId, h.AreaContractId, h.From, h.To, days, yearDays, h.From.Month, h.To.Month,
                lumpsumUnrounded, lumpsumShare, pgbUnrounded, pgbShare, monthly, checked(lumpsumShare - (months - 1) * monthly), isLast, false));
        }
        return shares;
    }

    /// <summary>The advance of every month of the year across its holders (0 in a month nobody holds); they add up to Ltot.</summary>
    public static IReadOnlyList<(int Month, long AmountCents)> AreaAdvances(IReadOnlyList<HolderShare> shares) =>
        [.. Enumerable.Range(1, 12).Select(m => (m, shares.Sum(s => s.AdvanceOf(m))))];
}
