using GonPortal.Domain.Common;
using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Tests.Settlements;

public class SettlementRunTests
{
    private static readonly DateTimeOffset T0 = new(2028, 1, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static SettlementRun Queued(SettlementKind kind = SettlementKind.PgbFinal, int area = 1, int month = 0) =>
        SettlementRun.Queue(Guid.NewGuid(), kind, area, 2027, month, SettlementTrigger.Api, "beleid", T0, Lease);

    [Fact]
    public void A_queued_run_holds_the_active_key_of_its_identity()
    {
        var run = Queued(SettlementKind.SubcontractorStatements, 0, 3);
        Assert.Equal(SettlementRunState.Queued, run.State);
        Assert.Equal("1:0:2027:3", run.ActiveKey);
        Assert.Equal(SettlementRules.RulesVersion, run.RulesVersion);
        Assert.Equal(T0 + Lease, run.LeaseExpiresAt);
    }

    [Theory]
    [InlineData(SettlementKind.SubcontractorStatements, 1, 3, "area_id")]
    [InlineData(SettlementKind.SubcontractorStatements, 0, 0, "month")]
    [InlineData(SettlementKind.PgbFinal, 5, 0, "area_id")]
    [InlineData(SettlementKind.Reconciliation, 1, 12, "month")]
    public void An_impossible_identity_is_refused(SettlementKind kind, int area, int month, string field)
    {
        var e = Assert.Throws<DomainValidationException>(() => Queued(kind, area, month));
        Assert.Contains(e.Violations, v => v.Field == field);
    }

    [Fact]
    public void A_claim_runs_it_and_counts_the_attempt()
    {
        var run = Queued();
        Assert.True(run.CanClaim(T0));
        run.Claim(T0, Lease);
        Assert.Equal(SettlementRunState.Running, run.State);
        Assert.Equal(1, run.AttemptCount);
        Assert.Equal(T0, run.StartedAt);
        Assert.False(run.CanClaim(T0 + TimeSpan.FromMinutes(1)));
        Assert.Throws<InvalidStateException>(() => run.Claim(T0 + TimeSpan.FromMinutes(1), Lease));
    }

    [Fact]
    public void An_expired_lease_lets_another_worker_claim_it()
    {
        var run = Queued();
        run.Claim(T0, Lease);
        run.Report("loading", 1, 4, T0 + TimeSpan.FromMinutes(1), Lease);
        Assert.False(run.CanClaim(T0 + TimeSpan.FromMinutes(2.5)));
        Assert.True(run.CanClaim(T0 + TimeSpan.FromMinutes(3)));
        run.Claim(T0 + TimeSpan.FromMinutes(3), Lease);
        Assert.Equal(2, run.AttemptCount);
        Assert.Equal(T0, run.StartedAt);
    }

    [Fact]
    public void Progress_renews_the_lease_and_stays_below_100_until_finished()
    {
        var run = Queued();
        run.Claim(T0, Lease);
        run.Report("computing", 4, 4, T0 + TimeSpan.FromSeconds(30), Lease);
        Assert.Equal(90, run.ProgressPercent);
        Assert.Equal(T0 + TimeSpan.FromSeconds(30) + Lease, run.LeaseExpiresAt);
        run.Succeed(1, 0, 2, T0 + TimeSpan.FromMinutes(1));
        Assert.Equal(100, run.ProgressPercent);
        Assert.Equal("", run.ProgressStage);
    }

    [Fact]
    public void Finishing_clears_the_active_key_and_the_lease()
    {
        var run = Queued();
        run.Claim(T0, Lease);
        run.Succeed(0, 3, 0, T0);
        Assert.Equal(SettlementRunState.Succeeded, run.State);
        Assert.Null(run.ActiveKey);
        Assert.Null(run.LeaseExpiresAt);
        Assert.Equal(3, run.UnchangedCount);
        Assert.Throws<InvalidStateException>(() => run.Fail("INTERNAL", "x", T0));
        Assert.False(run.CanClaim(T0.AddYears(1)));
    }

    [Fact]
    public void A_failed_run_records_why_and_frees_its_identity()
    {
        var run = Queued();
        run.Fail("FAILED_PRECONDITION", "PGB_FINAL needs 12 monthly counts; months 11, 12 are missing", T0);
        Assert.Equal(SettlementRunState.Failed, run.State);
        Assert.Equal("FAILED_PRECONDITION", run.ErrorCode);
        Assert.Null(run.ActiveKey);
        Assert.Throws<InvalidStateException>(() => run.Claim(T0, Lease));
    }

    [Fact]
    public void A_requeued_run_can_be_claimed_again_at_once()
    {
        var run = Queued();
        run.Claim(T0, Lease);
        run.Requeue("database timeout", T0, Lease);
        Assert.Equal(SettlementRunState.Queued, run.State);
        Assert.Equal("3:1:2027:0", run.ActiveKey);
        Assert.True(run.CanClaim(T0));
        run.Claim(T0, Lease);
        Assert.Equal(2, run.AttemptCount);
    }

    [Fact]
    public void Only_a_running_run_reports_progress_or_succeeds()
    {
        var run = Queued();
        Assert.Throws<InvalidStateException>(() => run.Report("x", 0, 0, T0, Lease));
        Assert.Throws<InvalidStateException>(() => run.Succeed(0, 0, 0, T0));
        Assert.Throws<InvalidStateException>(() => run.Requeue("x", T0, Lease));
    }
}
