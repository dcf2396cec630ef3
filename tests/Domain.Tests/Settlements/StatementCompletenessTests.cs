using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Tests.Settlements;

public sealed class StatementCompletenessTests
{
    private static readonly Guid Linde = Guid.Parse("0195f3a0-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset Run = new(2028, 2, 1, 1, 0, 0, TimeSpan.Zero);

    private static StatementMonthFacts Month(int m, bool subcontract = true, DateTimeOffset? run = null, DateTimeOffset? approved = null) =>
        new(m, subcontract ? [Linde] : [], run, approved);

    [Fact]
    public void A_month_with_a_subcontract_in_force_and_no_succeeded_run_is_missing_and_names_the_subcontract()
    {
        var status = StatementCompleteness.Assess(Month(3));
        Assert.Equal(StatementMonthState.MissingRun, status.State);
        Assert.False(status.IsComplete);
        Assert.Equal([Linde], status.SubcontractsInForce);
    }

    [Fact]
    public void A_run_that_started_after_the_last_approval_makes_the_month_complete()
    {
        var status = StatementCompleteness.Assess(Month(3, run: Run, approved: Run.AddMinutes(-1)));
        Assert.Equal(StatementMonthState.Complete, status.State);
        Assert.True(status.IsComplete);
    }

    [Fact]
    public void An_approval_after_the_run_started_makes_the_month_stale()
    {
        Assert.Equal(StatementMonthState.Stale, StatementCompleteness.Assess(Month(3, run: Run, approved: Run.AddSeconds(1))).State);
    }

    [Fact]
    public void An_approval_at_the_very_moment_the_run_started_counts_as_after_it()
    {
        // The run may or may not have read it: rerun rather than trust.
        Assert.Equal(StatementMonthState.Stale, StatementCompleteness.Assess(Month(3, run: Run, approved: Run)).State);
    }

    [Fact]
    public void A_month_without_a_subcontract_needs_no_run()
    {
        var status = StatementCompleteness.Assess(Month(5, subcontract: false, approved: Run));
        Assert.Equal(StatementMonthState.NotNeeded, status.State);
        Assert.True(status.IsComplete);
    }

    [Fact]
    public void A_month_without_a_subcontract_is_stale_when_own_work_was_approved_after_its_run()
    {
        Assert.Equal(StatementMonthState.Stale, StatementCompleteness.Assess(Month(5, subcontract: false, run: Run, approved: Run.AddDays(1))).State);
    }

    [Fact]
    public void A_year_is_blocked_by_exactly_its_missing_and_stale_months_in_month_order()
    {
        var months = StatementCompleteness.Assess([
            Month(2, run: Run, approved: Run.AddHours(2)),
            Month(1, run: Run),
            Month(3),
            Month(4, subcontract: false),
        ]);
        var blocking = StatementCompleteness.Blocking(months);
        Assert.Equal([1, 2, 3, 4], months.Select(m => m.Month));
        Assert.Equal([(2, StatementMonthState.Stale), (3, StatementMonthState.MissingRun)], blocking.Select(m => (m.Month, m.State)));
    }

    [Fact]
    public void A_year_whose_months_are_all_complete_is_not_blocked()
    {
        var months = StatementCompleteness.Assess(Enumerable.Range(1, 12).Select(m => Month(m, run: Run, approved: Run.AddDays(-1))));
        Assert.Empty(StatementCompleteness.Blocking(months));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_month_outside_1_to_12_is_a_programming_error(int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatementCompleteness.Assess(Month(month)));
    }
}
