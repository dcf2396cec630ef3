using GonPortal.Domain.Hours;
using static GonPortal.Domain.Tests.Hours.HourFixture;

namespace GonPortal.Domain.Tests.Hours;

public class HourBatchTests
{
    private static HourEntryCheck Check(HourEntryInput input, int storedMinutes = 0, StoredEntryFacts? reversed = null) =>
        new(input, Own(), ReversedEntry: reversed, StoredClientDayMinutes: storedMinutes);

    /// <summary>A whole batch through the production path: one <see cref="HourEntryBatch"/>, entries added in order.</summary>
    private static IReadOnlyList<HourEntryOutcome> ValidateAll(HourEntryContext context, IEnumerable<HourEntryCheck> checks)
    {
        var batch = new HourEntryBatch(context);
        foreach (var check in checks)
        {
            batch.Add(check);
        }
        return batch.Outcomes;
    }

    [Fact]
    public void Valid_entries_are_all_created_in_order()
    {
        var outcomes = ValidateAll(AsHa, [Check(Entry(OwnId, key: "a")), Check(Entry(OwnId, key: "b", date: Day.AddDays(1)))]);
        Assert.Equal([0, 1], outcomes.Select(o => o.Index));
        Assert.All(outcomes, o => Assert.Equal(HourEntryOutcomeKind.Created, o.Kind));
    }

    [Fact]
    public void Minutes_of_earlier_entries_in_the_batch_count_for_the_client_day()
    {
        var outcomes = ValidateAll(AsHa,
        [
            Check(Entry(OwnId, key: "a", quantity: 600), storedMinutes: 300),
            Check(Entry(OwnId, key: "b", quantity: 540), storedMinutes: 300), // 300 + 600 + 540 = 1440: fine
            Check(Entry(OwnId, key: "c", quantity: 1), storedMinutes: 300),   // 1441: too many
        ]);
        Assert.Equal([false, false, true], outcomes.Select(o => o.IsRejected));
        Assert.Equal(HourEntryRejectionReason.Over24HoursPerClientDay, Reason(outcomes[2]));
        Assert.Contains("(300 stored, 1140 earlier in this batch, 1 now)", outcomes[2].Rejection!.Message);
    }

    [Fact]
    public void Another_day_has_its_own_24_hours()
    {
        var outcomes = ValidateAll(AsHa,
            [Check(Entry(OwnId, key: "a", quantity: 1440)), Check(Entry(OwnId, key: "b", quantity: 1440, date: Day.AddDays(-1)))]);
        Assert.All(outcomes, o => Assert.False(o.IsRejected));
    }

    [Fact]
    public void A_rejected_entry_does_not_use_up_the_day()
    {
        var outcomes = ValidateAll(AsHa,
        [
            Check(Entry(OwnId, key: "a", quantity: 1000, product: GonPortal.Domain.Reference.Product.Dagbesteding)),
            Check(Entry(OwnId, key: "b", quantity: 1000)),
        ]);
        Assert.Equal([true, false], outcomes.Select(o => o.IsRejected));
    }

    [Fact]
    public void A_key_repeated_with_the_same_content_is_existing_and_points_to_the_first()
    {
        var outcomes = ValidateAll(AsHa, [Check(Entry(OwnId, key: "a")), Check(Entry(OwnId, key: "a"))]);
        Assert.Equal(HourEntryOutcomeKind.Existing, outcomes[1].Kind);
        Assert.Equal(0, outcomes[1].DuplicateOfIndex);
    }

    [Fact]
    public void An_existing_repeat_adds_no_minutes()
    {
        var outcomes = ValidateAll(AsHa,
            [Check(Entry(OwnId, key: "a", quantity: 800)), Check(Entry(OwnId, key: "a", quantity: 800)), Check(Entry(OwnId, key: "b", quantity: 640))]);
        Assert.Equal([HourEntryOutcomeKind.Created, HourEntryOutcomeKind.Existing, HourEntryOutcomeKind.Created], outcomes.Select(o => o.Kind));
    }

    [Fact]
    public void A_key_repeated_with_other_content_is_a_conflict()
    {
        var outcomes = ValidateAll(AsHa, [Check(Entry(OwnId, key: "a", quantity: 60)), Check(Entry(OwnId, key: "a", quantity: 90))]);
        Assert.Equal(HourEntryRejectionReason.DuplicateKeyConflict, Reason(outcomes[1]));
        Assert.Contains("entry 0 of this batch", outcomes[1].Rejection!.Message);
    }

    [Fact]
    public void Keys_compare_exactly()
    {
        var outcomes = ValidateAll(AsHa, [Check(Entry(OwnId, key: "a", quantity: 60)), Check(Entry(OwnId, key: "A", quantity: 90))]);
        Assert.All(outcomes, o => Assert.Equal(HourEntryOutcomeKind.Created, o.Kind));
    }

    [Fact]
    public void The_same_entry_cannot_be_reversed_twice_in_one_batch()
    {
        var original = StoredApproved(60);
        var outcomes = ValidateAll(AsHa,
        [
            Check(Entry(OwnId, key: "r1", quantity: -60, reverses: original.Id.ToString()), reversed: original),
            Check(Entry(OwnId, key: "r2", quantity: -60, reverses: original.Id.ToString()), reversed: original),
        ]);
        Assert.False(outcomes[0].IsRejected);
        Assert.Equal(HourEntryRejectionReason.InvalidReversal, Reason(outcomes[1]));
        Assert.Contains("earlier entry of this batch", outcomes[1].Rejection!.Message);
    }

    [Fact]
    public void A_reversal_frees_minutes_for_the_corrected_entry_in_the_same_batch()
    {
        // 1000 approved minutes stored; reverse them and report the right 1200 in one batch.
        var original = StoredApproved(1000);
        var outcomes = ValidateAll(AsHa,
        [
            Check(Entry(OwnId, key: "rev", quantity: -1000, reverses: original.Id.ToString()), storedMinutes: 1000, reversed: original),
            Check(Entry(OwnId, key: "fix", quantity: 1200), storedMinutes: 1000),
        ]);
        Assert.All(outcomes, o => Assert.False(o.IsRejected));
    }

    [Fact]
    public void A_stream_is_judged_as_it_arrives()
    {
        var stream = new HourEntryBatch(AsHa);
        Assert.False(stream.Add(Check(Entry(OwnId, key: "a", quantity: 1440))).IsRejected);
        Assert.True(stream.AllAccepted);
        var second = stream.Add(Check(Entry(OwnId, key: "b", quantity: 1)));
        Assert.Equal(1, second.Index);
        Assert.True(second.IsRejected);
        Assert.False(stream.AllAccepted);
        Assert.Equal(2, stream.Outcomes.Count);
    }
}
