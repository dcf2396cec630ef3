namespace GonPortal.Domain.Settlements;

/// <summary>
/// Whether the worker executing a run is still alive, judged from its heartbeat. A worker renews the
/// run's lease every heartbeat interval (and on every progress report), setting
/// <see cref="SettlementRun.LeaseExpiresAt"/> to the beat plus the lease, so the last beat is the lease's
/// end minus the lease. Three missed beats mean the worker is gone (a killed process, a lost machine):
/// the run is stalled from then until the recovery hands it to another worker when the lease lapses,
/// instead of showing RUNNING with progress that no longer moves.
/// </summary>
public static class SettlementRunHeartbeat
{
    /// <summary>How long without a beat before the run counts as stalled: three intervals, never beyond the lease.</summary>
    public static TimeSpan Silence(TimeSpan lease, TimeSpan interval) => interval * 3 < lease ? interval * 3 : lease;

    /// <summary>The last beat of a running run's worker; null when the run is not running.</summary>
    public static DateTimeOffset? LastBeat(SettlementRun run, TimeSpan lease) =>
        run.State == SettlementRunState.Running && run.LeaseExpiresAt is { } expires ? expires - lease : null;

    /// <summary>Running, and its worker has been silent for longer than <see cref="Silence"/>.</summary>
    public static bool IsStalled(SettlementRun run, DateTimeOffset now, TimeSpan lease, TimeSpan interval) =>
        LastBeat(run, lease) is { } beat && now - beat > Silence(lease, interval);

    /// <summary>
    /// The same test as a bound on the stored lease, for queries: a running run is stalled exactly when its
    /// lease expires before this moment.
    /// </summary>
    public static DateTimeOffset StalledIfLeaseExpiresBefore(DateTimeOffset now, TimeSpan lease, TimeSpan interval) =>
        now - Silence(lease, interval) + lease;
}
