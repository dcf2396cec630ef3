namespace GonPortal.Server.Settlements;

/// <summary>
/// Timing of settlement runs. "Jobs:RunLeaseSeconds" (default 120): how long a run stays claimed
/// without a heartbeat before another worker may take it over (and how long a queued run may wait for
/// its job before the recovery enqueues it again). "Jobs:HeartbeatSeconds" (default 10, at most a third
/// of the lease): how often a worker renews its lease; three missed beats show the run as STALLED
/// (Domain SettlementRunHeartbeat). "Jobs:RecoveryIntervalSeconds" (default 60): how often the
/// recovery looks for runs to take over. Tests use a few seconds for all three.
/// </summary>
public sealed record SettlementJobOptions(TimeSpan Lease, TimeSpan RecoveryInterval, TimeSpan Heartbeat)
{
    public static SettlementJobOptions From(IConfiguration configuration)
    {
        var lease = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Jobs:RunLeaseSeconds", 120)));
        var heartbeat = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Jobs:HeartbeatSeconds", 10.0)));
        return new(lease,
            TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Jobs:RecoveryIntervalSeconds", 60))),
            heartbeat < lease / 3 ? heartbeat : lease / 3);
    }
}
