using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using static GonPortal.Domain.Tests.Hours.HourFixture;

namespace GonPortal.Domain.Tests.Hours;

public class HourEntryReviewTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 9, 0, 0, TimeSpan.Zero);

    private static HourEntry Submitted()
    {
        var accepted = Judge(AsOa, Entry(SubId, note: "shopping"), ByOa()).Accepted!;
        return HourEntry.Submit(Guid.NewGuid(), accepted, "oa-user", Now);
    }

    [Fact]
    public void A_stored_entry_starts_submitted_with_all_it_was_accepted_with()
    {
        var e = Submitted();
        Assert.Equal(HourEntryStatus.Submitted, e.Status);
        Assert.Equal(("k1", SubId, Client, 1, Ha, Oa, SubcontractId), (e.EntryKey, e.ArrangementId, e.ClientId, e.AreaId, e.HoofdaanbiederId, e.ReportedByProviderId, e.SubcontractId));
        Assert.Equal((Day, 60, "shopping"), (e.ServiceDate, e.Quantity, e.ActivityNote));
        Assert.Equal(("oa-user", Now), (e.SubmittedBy, e.SubmittedAt));
        Assert.False(e.IsLocked);
        Assert.False(e.IsReversal);
        Assert.Null(e.ReviewedAt);
    }

    [Fact]
    public void Approval_locks_the_entry_and_records_the_reviewer()
    {
        var e = Submitted();
        e.Approve("ha-user", "  ok  ", Now.AddDays(1));
        Assert.Equal(HourEntryStatus.Approved, e.Status);
        Assert.True(e.IsLocked);
        Assert.Equal(("ha-user", Now.AddDays(1), "ok"), (e.ReviewedBy, e.ReviewedAt!.Value, e.ReviewNote));
    }

    [Fact]
    public void Approval_note_is_optional() => Submitted().Approve("ha-user", null, Now);

    [Fact]
    public void Approval_note_is_at_most_1000_characters()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Submitted().Approve("ha-user", new string('n', 1001), Now));
        Assert.Equal("note", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Rejection_records_the_reason()
    {
        var e = Submitted();
        e.Reject("ha-user", "client was in hospital", Now);
        Assert.Equal((HourEntryStatus.Rejected, "client was in hospital"), (e.Status, e.ReviewNote));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no")]
    public void Rejection_needs_a_reason_of_3_to_1000_characters(string reason)
    {
        var e = Submitted();
        var ex = Assert.Throws<DomainValidationException>(() => e.Reject("ha-user", reason, Now));
        Assert.Equal("reason", Assert.Single(ex.Violations).Field);
        Assert.Equal(HourEntryStatus.Submitted, e.Status);
    }

    [Fact]
    public void Approving_twice_is_refused()
    {
        var e = Submitted();
        e.Approve("ha-user", null, Now);
        Assert.Throws<InvalidStateException>(() => e.Approve("ha-user", null, Now.AddDays(1)));
        Assert.Equal(Now, e.ReviewedAt);
    }

    [Fact]
    public void Rejecting_an_approved_entry_is_refused_because_it_is_locked()
    {
        var e = Submitted();
        e.Approve("ha-user", null, Now);
        var ex = Assert.Throws<InvalidStateException>(() => e.Reject("ha-user", "changed my mind", Now));
        Assert.Contains("locked", ex.Message);
        Assert.Equal(HourEntryStatus.Approved, e.Status);
    }

    [Fact]
    public void Rejecting_twice_is_refused()
    {
        var e = Submitted();
        e.Reject("ha-user", "wrong client", Now);
        Assert.Throws<InvalidStateException>(() => e.Reject("ha-user", "wrong client", Now));
    }

    [Fact]
    public void Approving_a_rejected_entry_is_refused()
    {
        var e = Submitted();
        e.Reject("ha-user", "wrong client", Now);
        Assert.Throws<InvalidStateException>(() => e.Approve("ha-user", null, Now));
    }

    [Fact]
    public void A_stored_entry_gives_the_facts_for_idempotency_and_reversal()
    {
        var e = Submitted();
        e.Approve("ha-user", null, Now);
        var facts = e.ToFacts();
        Assert.Equal((e.Id, Oa, HourEntryStatus.Approved), (facts.Id, facts.ReportedByProviderId, facts.Status));
        // Resending the same input is recognised as this entry.
        var resend = Judge(AsOa, Entry(SubId, note: "shopping"), ByOa(), sameKey: facts);
        Assert.Equal(e.Id, resend.ExistingEntryId);
        // And it can be reversed by its reporter.
        var reversal = Judge(AsOa, Entry(SubId, key: "rev", quantity: -60, reverses: e.Id.ToString()), ByOa(), reversed: facts);
        Assert.Equal(HourEntryOutcomeKind.Created, reversal.Kind);
        Assert.True(HourEntry.Submit(Guid.NewGuid(), reversal.Accepted!, "oa-user", Now).IsReversal);
    }
}
