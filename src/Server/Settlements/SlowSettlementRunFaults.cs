namespace GonPortal.Server.Settlements;

/// <summary>
/// Fault drills on real processes: "Jobs:Drill:ItemDelayMilliseconds" &gt; 0 makes every run wait that
/// long before each item, so that a drill (or the process tests in tests/Server.Tests/Processes) can
/// kill a Server while a run is certainly in progress. Unset in production, where
/// <see cref="NoSettlementRunFaults"/> is used.
/// </summary>
public sealed class SlowSettlementRunFaults(TimeSpan itemDelay) : ISettlementRunFaults
{
    public static ISettlementRunFaults From(IConfiguration configuration) =>
        configuration.GetValue("Jobs:Drill:ItemDelayMilliseconds", 0) is > 0 and var ms
            ? new SlowSettlementRunFaults(TimeSpan.FromMilliseconds(ms))
            : new NoSettlementRunFaults();

    public Task BeforeItemAsync(Guid runId, int itemIndex, CancellationToken ct) => Task.Delay(itemDelay, ct);

    public Task AfterResultWrittenAsync(Guid runId, int written, CancellationToken ct) => Task.CompletedTask;
}
