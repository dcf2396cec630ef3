using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using static GonPortal.Domain.Tests.Hours.HourFixture;

namespace GonPortal.Domain.Tests.Hours;

public class HourIdempotencyTests
{
    private static StoredEntryFacts Stored(HourEntryInput input, Guid? reporter = null, HourEntryStatus status = HourEntryStatus.Submitted) =>
        new(Guid.NewGuid(), reporter ?? Ha, input.TryGetContent()!, status);

    [Fact]
    public void Same_key_and_same_content_is_an_existing_entry()
    {
        var input = Entry(OwnId, note: "visit");
        var stored = Stored(input);
        var o = Judge(AsHa, input, Own(), sameKey: stored);
        Assert.Equal(HourEntryOutcomeKind.Existing, o.Kind);
        Assert.Equal(stored.Id, o.ExistingEntryId);
        Assert.Null(o.Accepted);
    }

    [Fact]
    public void Existing_is_decided_before_any_other_check()
    {
        // The arrangement has ended since; resending what is stored is still harmless.
        var input = Entry(OwnId);
        var o = Judge(AsHa, input, Own(new DateOnly(2027, 3, 1)), sameKey: Stored(input, status: HourEntryStatus.Approved));
        Assert.Equal(HourEntryOutcomeKind.Existing, o.Kind);
    }

    [Fact]
    public void A_note_differing_only_in_surrounding_spaces_is_the_same_content()
    {
        var stored = Stored(Entry(OwnId, note: "visit"));
        Assert.Equal(HourEntryOutcomeKind.Existing, Judge(AsHa, Entry(OwnId, note: " visit "), Own(), sameKey: stored).Kind);
    }

    [Fact]
    public void No_note_and_an_empty_note_are_the_same_content()
    {
        var stored = Stored(Entry(OwnId, note: null));
        Assert.Equal(HourEntryOutcomeKind.Existing, Judge(AsHa, Entry(OwnId, note: ""), Own(), sameKey: stored).Kind);
    }

    [Theory]
    [InlineData(90, null)]
    [InlineData(60, "other note")]
    public void Same_key_with_different_content_is_a_conflict(int quantity, string? note)
    {
        var stored = Stored(Entry(OwnId));
        var o = Judge(AsHa, Entry(OwnId, quantity: quantity, note: note), Own(), sameKey: stored);
        Assert.Equal((HourEntryRejectionReason.DuplicateKeyConflict, "entry_key"), (Reason(o)!.Value, o.Rejection!.Field));
    }

    [Fact]
    public void A_different_date_under_the_same_key_is_a_conflict()
    {
        var stored = Stored(Entry(OwnId));
        Assert.Equal(HourEntryRejectionReason.DuplicateKeyConflict, Reason(Judge(AsHa, Entry(OwnId, date: Day.AddDays(-1)), Own(), sameKey: stored)));
    }

    [Fact]
    public void A_key_of_another_organisation_is_not_a_duplicate()
    {
        // Keys are unique per reporting organisation; facts about another's key are ignored.
        var stored = Stored(Entry(OwnId, quantity: 30), reporter: Oa);
        Assert.Equal(HourEntryOutcomeKind.Created, Judge(AsHa, Entry(OwnId), Own(), sameKey: stored).Kind);
    }

    [Fact]
    public void A_key_conflict_outranks_the_arrangement_checks()
    {
        var stored = Stored(Entry(OwnId));
        var o = Judge(AsHa, Entry(OwnId, product: Product.Dagbesteding), Own(), sameKey: stored);
        Assert.Equal([HourEntryRejectionReason.DuplicateKeyConflict, HourEntryRejectionReason.ProductMismatch], o.Rejections.Select(r => r.Reason));
    }
}
