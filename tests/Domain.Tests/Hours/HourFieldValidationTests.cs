using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using static GonPortal.Domain.Tests.Hours.HourFixture;

namespace GonPortal.Domain.Tests.Hours;

public class HourFieldValidationTests
{
    /// <summary>The reported (first) reason; later checks may add lower-ranked reasons.</summary>
    private static void InvalidField(HourEntryOutcome o, string field)
    {
        Assert.Equal(HourEntryOutcomeKind.Rejected, o.Kind);
        var r = o.Rejection!;
        Assert.Equal(HourEntryRejectionReason.InvalidField, r.Reason);
        Assert.Equal(field, r.Field);
        Assert.Equal(field, r.WireField);
    }

    [Fact]
    public void A_valid_own_staff_entry_is_accepted_with_what_the_server_stores()
    {
        var o = Judge(AsHa, Entry(OwnId, note: "  walk and shopping  "), Own());
        Assert.Equal(HourEntryOutcomeKind.Created, o.Kind);
        Assert.Empty(o.Rejections);
        var a = o.Accepted!;
        Assert.Equal(("k1", Client, 1, Ha, Ha), (a.EntryKey, a.ClientId, a.AreaId, a.HoofdaanbiederId, a.ReportedByProviderId));
        Assert.True(a.ReportedByOwnStaff);
        Assert.Equal("walk and shopping", a.Content.ActivityNote);
    }

    [Fact]
    public void A_valid_onderaannemer_entry_carries_the_subcontract()
    {
        var o = Judge(AsOa, Entry(SubId), ByOa());
        Assert.Equal(SubcontractId, o.Accepted!.SubcontractId);
        Assert.False(o.Accepted.ReportedByOwnStaff);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tkey")]
    public void Entry_key_is_required_and_printable(string? key) => InvalidField(Judge(AsHa, Entry(OwnId, key: key), Own()), "entry_key");

    [Fact]
    public void Entry_key_is_at_most_100_characters()
    {
        InvalidField(Judge(AsHa, Entry(OwnId, key: new string('k', 101)), Own()), "entry_key");
        Assert.Equal(HourEntryOutcomeKind.Created, Judge(AsHa, Entry(OwnId, key: new string('k', 100)), Own()).Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    public void Arrangement_id_must_be_a_uuid(string? id) =>
        InvalidField(Judge(AsHa, Entry(OwnId) with { ArrangementId = id }, Own()), "arrangement_id");

    [Fact]
    public void Service_date_is_required() => InvalidField(Judge(AsHa, Entry(OwnId) with { ServiceDate = null }, Own()), "service_date");

    [Fact]
    public void Product_is_required() => InvalidField(Judge(AsHa, Entry(OwnId, product: null), Own()), "product");

    [Fact]
    public void Unit_is_required() => InvalidField(Judge(AsHa, Entry(OwnId, unit: null), Own()), "unit");

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(1441)]
    [InlineData(int.MinValue)]
    public void Minutes_must_be_1_to_1440(int quantity) => InvalidField(Judge(AsHa, Entry(OwnId, quantity: quantity), Own()), "quantity");

    [Theory]
    [InlineData(1)]
    [InlineData(1440)]
    public void Minutes_on_the_bounds_are_accepted(int quantity) =>
        Assert.Equal(HourEntryOutcomeKind.Created, Judge(AsHa, Entry(OwnId, quantity: quantity), Own()).Kind);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Dagdelen_are_a_count_of_1_to_3(int quantity, bool ok)
    {
        var arrangement = Own(unit: Unit.Dagdeel, product: Product.Dagbesteding);
        var o = Judge(AsHa, Entry(OwnId, quantity: quantity, unit: Unit.Dagdeel, product: Product.Dagbesteding), arrangement);
        if (ok)
        {
            Assert.Equal(HourEntryOutcomeKind.Created, o.Kind);
        }
        else
        {
            InvalidField(o, "quantity");
        }
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void An_etmaal_entry_is_exactly_1(int quantity, bool ok)
    {
        var arrangement = Own(unit: Unit.Etmaal, product: Product.KortdurendVerblijf);
        var o = Judge(AsHa, Entry(OwnId, quantity: quantity, unit: Unit.Etmaal, product: Product.KortdurendVerblijf), arrangement);
        Assert.Equal(ok, !o.IsRejected);
    }

    [Fact]
    public void Activity_note_is_at_most_500_characters()
    {
        InvalidField(Judge(AsHa, Entry(OwnId, note: new string('n', 501)), Own()), "activity_note");
        Assert.False(Judge(AsHa, Entry(OwnId, note: new string('n', 500)), Own()).IsRejected);
    }

    [Fact]
    public void Reverses_entry_id_must_be_a_uuid_when_set() =>
        InvalidField(Judge(AsHa, Entry(OwnId, quantity: -60, reverses: "nope"), Own()), "reverses_entry_id");

    [Fact]
    public void A_reversal_must_carry_a_negative_quantity() =>
        InvalidField(Judge(AsHa, Entry(OwnId, quantity: 60, reverses: Guid.NewGuid().ToString()), Own()), "quantity");

    [Fact]
    public void Every_invalid_field_is_listed()
    {
        var o = Judge(AsHa, new HourEntryInput("", "x", null, null, null, 0, new string('n', 501)), Own());
        Assert.Equal(["entry_key", "arrangement_id", "service_date", "product", "unit", "quantity", "activity_note"],
            o.Rejections.Select(r => r.Field));
        Assert.All(o.Rejections, r => Assert.Equal(HourEntryRejectionReason.InvalidField, r.Reason));
    }

    [Fact]
    public void Invalid_field_outranks_every_other_reason()
    {
        // Foreign arrangement, wrong unit and a zero quantity: the field is reported first.
        var o = Judge(AsOa, Entry(OwnId, quantity: 0), Own());
        Assert.Equal(HourEntryRejectionReason.InvalidField, Reason(o));
        Assert.Equal(HourEntryRejectionReason.UnknownArrangement, o.Rejections[1].Reason);
    }
}
