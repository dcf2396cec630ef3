using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using static GonPortal.Domain.Tests.Hours.HourFixture;

namespace GonPortal.Domain.Tests.Hours;

public class HourApprovalUndoTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly ApprovalUndoFacts Free = new(StatementRunCoversMonth: false, ReversedByEntryId: null);

    private static HourEntry Submitted() =>
        HourEntry.Submit(Guid.NewGuid(), Judge(AsOa, Entry(SubId), ByOa()).Accepted!, "oa-user", Now);

    private static HourEntry Approved()
    {
        var e = Submitted();
        e.Approve("ha-user", "klopt", Now.AddDays(1));
        return e;
    }

    [Fact]
    public void Undo_makes_an_approved_entry_submitted_again_without_a_reviewer()
    {
        var e = Approved();
        e.UndoApproval(Free);
        Assert.Equal(HourEntryStatus.Submitted, e.Status);
        Assert.False(e.IsLocked);
        Assert.Equal((null, null, (string?)null), (e.ReviewedAt, e.ReviewedBy, e.ReviewNote));
    }

    [Fact]
    public void An_undone_entry_can_be_rejected_after_all()
    {
        var e = Approved();
        e.UndoApproval(Free);
        e.Reject("ha-user", "toch dubbel", Now.AddDays(2));
        Assert.Equal(HourEntryStatus.Rejected, e.Status);
    }

    [Fact]
    public void A_statement_run_for_the_month_blocks_the_undo_and_the_message_names_the_month()
    {
        var e = Approved();
        var ex = Assert.Throws<InvalidStateException>(() => e.UndoApproval(Free with { StatementRunCoversMonth = true }));
        Assert.Contains($"{Day.Year}-{Day.Month:D2}", ex.Message);
        Assert.Equal(HourEntryStatus.Approved, e.Status);
    }

    [Fact]
    public void A_reversal_referring_to_the_entry_blocks_the_undo()
    {
        var e = Approved();
        var reversal = Guid.NewGuid();
        var ex = Assert.Throws<InvalidStateException>(() => e.UndoApproval(Free with { ReversedByEntryId = reversal }));
        Assert.Contains(reversal.ToString(), ex.Message);
        Assert.True(e.IsLocked);
    }

    [Fact]
    public void A_submitted_entry_has_no_approval_to_undo() =>
        Assert.Throws<InvalidStateException>(() => Submitted().UndoApproval(Free));

    [Fact]
    public void A_rejected_entry_has_no_approval_to_undo()
    {
        var e = Submitted();
        e.Reject("ha-user", "niet geleverd", Now);
        Assert.Throws<InvalidStateException>(() => e.UndoApproval(Free));
        Assert.Equal(HourEntryStatus.Rejected, e.Status);
    }

    [Fact]
    public void Undo_is_possible_once_per_approval_but_a_new_approval_can_be_undone_again()
    {
        var e = Approved();
        e.UndoApproval(Free);
        Assert.Throws<InvalidStateException>(() => e.UndoApproval(Free));
        e.Approve("ha-user", null, Now.AddDays(3));
        e.UndoApproval(Free);
        Assert.Equal(HourEntryStatus.Submitted, e.Status);
    }
}

public class HourBulkReviewTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 5)]
    [InlineData(200_000, 200_000)]
    public void The_confirmed_count_lets_the_review_go_ahead(int confirmed, int actual) =>
        HourBulkReview.ConfirmCount(confirmed, actual);

    [Theory]
    [InlineData(5, 6)]
    [InlineData(5, 4)]
    [InlineData(1, 0)]
    public void Another_count_stops_it_and_names_the_actual_count(int confirmed, int actual)
    {
        var ex = Assert.Throws<InvalidStateException>(() => HourBulkReview.ConfirmCount(confirmed, actual));
        Assert.Contains($"matches {actual} ", ex.Message);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(HourEntryStatus.Submitted, true)]
    [InlineData(HourEntryStatus.Approved, false)]
    [InlineData(HourEntryStatus.Rejected, false)]
    public void Only_all_or_submitted_entries_can_be_reviewed_by_filter(HourEntryStatus? status, bool allowed) =>
        Assert.Equal(allowed, HourBulkReview.IsReviewableFilter(status));
}
