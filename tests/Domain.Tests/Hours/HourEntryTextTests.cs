using GonPortal.Domain.Hours;
using static GonPortal.Domain.Tests.Hours.HourFixture;

namespace GonPortal.Domain.Tests.Hours;

/// <summary>An import entry that did not parse, or whose note holds a control character, is rejected as an invalid field on its own.</summary>
public class HourEntryTextTests
{
    [Fact]
    public void An_unreadable_entry_is_an_invalid_field_with_the_field_found()
    {
        var input = new HourEntryInput(null, null, null, null, null, 0, Unreadable: new("activity_note", "is not readable"));
        var r = Assert.Single(Judge(AsOa, input, ByOa()).Rejections);
        Assert.Equal((HourEntryRejectionReason.InvalidField, "activity_note"), (r.Reason, r.Field));
    }

    [Fact]
    public void A_note_with_a_nul_is_an_invalid_field()
    {
        var o = Judge(AsOa, Entry(SubId, note: "gewandeld\0"), ByOa());
        Assert.Equal((HourEntryRejectionReason.InvalidField, "activity_note"), (o.Rejection!.Reason, o.Rejection.Field));
    }

    [Fact]
    public void A_note_may_hold_line_breaks() =>
        Assert.Equal(HourEntryOutcomeKind.Created, Judge(AsOa, Entry(SubId, note: "gewandeld\nboodschappen"), ByOa()).Kind);
}
