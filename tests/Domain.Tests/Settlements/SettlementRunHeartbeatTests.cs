using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Tests.Settlements;

public class SettlementRunHeartbeatTests
{
    private static readonly DateTimeOffset T0 = new(2028, 1, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static SettlementRun Running(DateTimeOffset claimedAt)
    {
        var run = SettlementRun.Queue(Guid.NewGuid(), SettlementKind.PgbFinal, 1, 2027, 0, SettlementTrigger.Api, "beleid", T0, Lease);
        run.Claim(claimedAt, Lease);
        return run;
    }

    private static readonly TimeSpan Beat = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(120, 10, 30)]
    [InlineData(12, 1, 3)]
    [InlineData(20, 10, 20)]
    public void Three_missed_beats_count_as_silence_but_never_longer_than_the_lease(int leaseSeconds, int beatSeconds, int silenceSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(silenceSeconds), SettlementRunHeartbeat.Silence(TimeSpan.FromSeconds(leaseSeconds), TimeSpan.FromSeconds(beatSeconds)));

    [Fact]
    public void The_last_beat_is_the_claim_or_the_latest_renewal()
    {
        var run = Running(T0);
        Assert.Equal(T0, SettlementRunHeartbeat.LastBeat(run, Lease));
        run.Report("loading", 1, 2, T0.AddSeconds(25), Lease);
        Assert.Equal(T0.AddSeconds(25), SettlementRunHeartbeat.LastBeat(run, Lease));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(30, false)]
    [InlineData(31, true)]
    [InlineData(119, true)]
    [InlineData(600, true)]
    public void A_running_run_is_stalled_after_three_missed_beats(int secondsSinceBeat, bool stalled) =>
        Assert.Equal(stalled, SettlementRunHeartbeat.IsStalled(Running(T0), T0.AddSeconds(secondsSinceBeat), Lease, Beat));

    [Fact]
    public void A_queued_or_finished_run_is_never_stalled()
    {
        var queued = SettlementRun.Queue(Guid.NewGuid(), SettlementKind.PgbFinal, 1, 2027, 0, SettlementTrigger.Api, "beleid", T0, Lease);
        Assert.False(SettlementRunHeartbeat.IsStalled(queued, T0.AddHours(1), Lease, Beat));
        Assert.Null(SettlementRunHeartbeat.LastBeat(queued, Lease));
        var done = Running(T0);
        done.Succeed(1, 0, 1, T0.AddSeconds(5));
        Assert.False(SettlementRunHeartbeat.IsStalled(done, T0.AddHours(1), Lease, Beat));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(90)]
    public void The_query_bound_agrees_with_the_rule(int secondsSinceBeat)
    {
        var run = Running(T0);
        var now = T0.AddSeconds(secondsSinceBeat);
        Assert.Equal(SettlementRunHeartbeat.IsStalled(run, now, Lease, Beat), run.LeaseExpiresAt < SettlementRunHeartbeat.StalledIfLeaseExpiresBefore(now, Lease, Beat));
    }

    [Fact]
    public void A_run_taken_over_by_another_worker_is_no_longer_stalled()
    {
        var run = Running(T0);
        var later = T0 + Lease + TimeSpan.FromSeconds(1);
        Assert.True(SettlementRunHeartbeat.IsStalled(run, later, Lease, Beat));
        run.Claim(later, Lease);
        Assert.False(SettlementRunHeartbeat.IsStalled(run, later, Lease, Beat));
    }
}
