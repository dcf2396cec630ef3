using GonPortal.Domain.Hours;

namespace GonPortal.Domain.Tests.Hours;

public class HourEntryRejectionReasonTests
{
    [Fact]
    public void Values_match_the_wire_enum()
    {
        Assert.Equal(1, (int)HourEntryRejectionReason.UnknownArrangement);
        Assert.Equal(5, (int)HourEntryRejectionReason.Over24HoursPerClientDay);
        Assert.Equal(9, (int)HourEntryRejectionReason.InvalidField);
        Assert.Equal(10, (int)HourEntryRejectionReason.InvalidReversal);
    }

    [Fact]
    public void Rank_follows_the_contract_order_and_covers_every_reason()
    {
        Assert.Equal(Enum.GetValues<HourEntryRejectionReason>().Length, HourEntryRejectionReasons.Order.Distinct().Count());
        Assert.Equal(0, HourEntryRejectionReason.InvalidField.Rank());
        Assert.True(HourEntryRejectionReason.DuplicateKeyConflict.Rank() < HourEntryRejectionReason.UnknownArrangement.Rank());
        Assert.True(HourEntryRejectionReason.DateOutsideArrangement.Rank() < HourEntryRejectionReason.DateOutsideSubcontract.Rank());
        Assert.Equal(9, HourEntryRejectionReason.Over24HoursPerClientDay.Rank());
    }
}
