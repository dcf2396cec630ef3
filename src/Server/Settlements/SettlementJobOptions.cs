namespace GonPortal.Server.Settlements;

/// <summary>
/// Timing of settlement runs. "Jobs:RunLeaseSeconds" (default 120): how long a run stays claimed
/// without a heartbeat before another worker may take it over (and how long a queued run may wait for
/// its job before the recovery enqueues it again). "Jobs:RecoveryIntervalSeconds" (default 60): how
/// often the recovery looks for such runs. Tests use a few seconds for both.
/// </summary>
public sealed record SettlementJobOptions(TimeSpan Lease, TimeSpan RecoveryInterval)
{
    public static SettlementJobOptions From(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Jobs:RunLeaseSeconds", 120))),
        TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Jobs:RecoveryIntervalSeconds", 60))));
}
