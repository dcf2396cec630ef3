using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using static GonPortal.Domain.Tests.Hours.HourFixture;

namespace GonPortal.Domain.Tests.Hours;

public class HourReversalTests
{
    private static HourEntryInput Reversal(StoredEntryFacts original, int? quantity = null, DateOnly? date = null, string key = "rev-1") =>
        Entry(OwnId, key: key, quantity: quantity ?? -original.Content.Quantity, date: date ?? original.Content.ServiceDate, reverses: original.Id.ToString());

    private static HourEntryRejection Invalid(HourEntryOutcome o)
    {
        Assert.Equal(HourEntryRejectionReason.InvalidReversal, Reason(o));
        return o.Rejection!;
    }

    [Fact]
    public void A_mirrored_reversal_of_an_approved_entry_is_accepted()
    {
        var original = StoredApproved(90);
        var o = Judge(AsHa, Reversal(original), Own(), reversed: original);
        Assert.Equal(HourEntryOutcomeKind.Created, o.Kind);
        Assert.Equal(original.Id, o.Accepted!.Content.ReversesEntryId);
        Assert.Equal(-90, o.Accepted.Content.Quantity);
    }

    [Fact]
    public void Reversing_an_unknown_entry_is_invalid() =>
        Assert.Equal("reverses_entry_id", Invalid(Judge(AsHa, Reversal(StoredApproved()), Own(), reversed: null)).Field);

    [Fact]
    public void Reversing_an_entry_of_another_organisation_looks_like_unknown()
    {
        var foreign = StoredApproved(reporter: Oa);
        Assert.Contains("does not exist or was not reported by your organisation", Invalid(Judge(AsHa, Reversal(foreign), Own(), reversed: foreign)).Message);
    }

    [Theory]
    [InlineData(HourEntryStatus.Submitted)]
    [InlineData(HourEntryStatus.Rejected)]
    public void Only_an_approved_entry_can_be_reversed(HourEntryStatus status)
    {
        var original = StoredApproved(status: status);
        Assert.Contains("only an approved entry can be reversed", Invalid(Judge(AsHa, Reversal(original), Own(), reversed: original)).Message);
    }

    [Fact]
    public void An_entry_already_reversed_cannot_be_reversed_again()
    {
        var original = StoredApproved(reversedBy: Guid.NewGuid());
        Assert.Contains("already reversed", Invalid(Judge(AsHa, Reversal(original), Own(), reversed: original)).Message);
    }

    [Fact]
    public void A_reversal_cannot_be_reversed()
    {
        var reversal = StoredApproved(-60) with { Content = StoredApproved(-60).Content with { ReversesEntryId = Guid.NewGuid() } };
        var o = Judge(AsHa, Entry(OwnId, key: "r2", quantity: -60, reverses: reversal.Id.ToString()), Own(), reversed: reversal);
        Assert.Contains("is itself a reversal", Invalid(o).Message);
    }

    [Fact]
    public void The_quantity_must_be_exactly_negated()
    {
        var original = StoredApproved(90);
        var r = Invalid(Judge(AsHa, Reversal(original, quantity: -60), Own(), reversed: original));
        Assert.Equal("quantity", r.Field);
        Assert.Contains("must be -90", r.Message);
    }

    [Fact]
    public void The_service_date_must_be_the_same()
    {
        var original = StoredApproved();
        Assert.Equal("service_date", Invalid(Judge(AsHa, Reversal(original, date: Day.AddDays(-1)), Own(), reversed: original)).Field);
    }

    [Fact]
    public void Every_mismatched_field_is_named()
    {
        var original = StoredApproved(90);
        var o = Judge(AsHa, Reversal(original, quantity: -30, date: Day.AddDays(-1)), Own(), reversed: original);
        Assert.Equal(["service_date", "quantity"], o.Rejections.Where(r => r.Reason == HourEntryRejectionReason.InvalidReversal).Select(r => r.Field));
    }

    [Fact]
    public void A_valid_reversal_stays_possible_after_the_arrangement_ended()
    {
        // The end date was moved before an approved day: the wrong entry must still be correctable.
        var original = StoredApproved();
        var o = Judge(AsHa, Reversal(original), Own(new DateOnly(2027, 3, 1)), reversed: original);
        Assert.Equal(HourEntryOutcomeKind.Created, o.Kind);
    }

    [Fact]
    public void A_valid_reversal_is_not_held_back_by_the_24_hour_rule()
    {
        var original = StoredApproved(600);
        Assert.False(Judge(AsHa, Reversal(original), Own(), reversed: original, storedMinutes: 1440).IsRejected);
    }

    [Fact]
    public void An_invalid_reversal_outranks_a_product_mismatch()
    {
        var original = StoredApproved();
        var input = Reversal(original) with { Product = Product.Dagbesteding };
        var o = Judge(AsHa, input, Own(), reversed: original);
        Assert.Equal(HourEntryRejectionReason.InvalidReversal, Reason(o));
        Assert.Contains(o.Rejections, r => r.Reason == HourEntryRejectionReason.ProductMismatch);
    }

    [Fact]
    public void Unknown_arrangement_outranks_an_invalid_reversal() =>
        Assert.Equal(HourEntryRejectionReason.UnknownArrangement, Reason(Judge(AsHa, Reversal(StoredApproved()), null, reversed: null)));
}
