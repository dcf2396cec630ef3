namespace GonPortal.Domain.Settlements;

/// <summary>What is known of one month of an area's year, for <see cref="StatementCompleteness"/>.</summary>
/// <param name="Month">1-12.</param>
/// <param name="SubcontractsInForce">Subcontracts (consented or ended) covering the area whose validity overlaps the month.</param>
/// <param name="RunStartedAt">Start of the latest succeeded statement run of the month; null when none succeeded.</param>
/// <param name="LastApprovalAt">Latest approval of an entry of the area with a service date in the month (own staff included); null when none.</param>
public sealed record StatementMonthFacts(int Month, IReadOnlyList<Guid> SubcontractsInForce, DateTimeOffset? RunStartedAt, DateTimeOffset? LastApprovalAt);

/// <summary>Where a month stands (settlement-rules.md §4, §6).</summary>
public enum StatementMonthState
{
    /// <summary>The statement run succeeded and nothing was approved after it.</summary>
    Complete = 1,

    /// <summary>No subcontract of the area was in force and nothing was approved after a run: needs no run, counts as complete.</summary>
    NotNeeded = 2,

    /// <summary>A subcontract was in force but no statement run of the month has succeeded.</summary>
    MissingRun = 3,

    /// <summary>An entry of the area and month was approved after the month's statement run: rerun first.</summary>
    Stale = 4,
}

/// <summary>A month assessed, with the subcontracts in force (named in refusals).</summary>
public sealed record StatementMonthStatus(int Month, StatementMonthState State, IReadOnlyList<Guid> SubcontractsInForce, DateTimeOffset? RunStartedAt)
{
    public bool IsComplete => State is StatementMonthState.Complete or StatementMonthState.NotNeeded;
}

/// <summary>
/// Statement completeness of an area's months (settlement-rules.md §4 and §6): a month is complete when its
/// statement run has succeeded and no approved entry of the area and month changed after that run started;
/// a month without a subcontract in force needs no run. The run's start, not its end, is compared, because
/// an approval while the run was reading may or may not be in it: such a month is rerun rather than trusted.
/// </summary>
public static class StatementCompleteness
{
    public static IReadOnlyList<StatementMonthStatus> Assess(IEnumerable<StatementMonthFacts> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        return months.OrderBy(m => m.Month).Select(Assess).ToList();
    }

    public static StatementMonthStatus Assess(StatementMonthFacts m)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentOutOfRangeException.ThrowIfLessThan(m.Month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m.Month, 12);
        var state = m.RunStartedAt is { } run
            ? (m.LastApprovalAt is { } approved && approved >= run ? StatementMonthState.Stale : StatementMonthState.Complete)
            : m.SubcontractsInForce.Count > 0 ? StatementMonthState.MissingRun : StatementMonthState.NotNeeded;
        return new StatementMonthStatus(m.Month, state, m.SubcontractsInForce, m.RunStartedAt);
    }

    /// <summary>The months that keep a reconciliation from running (§4): missing or stale.</summary>
    public static IReadOnlyList<StatementMonthStatus> Blocking(IEnumerable<StatementMonthStatus> months) =>
        months.Where(m => !m.IsComplete).ToList();
}
