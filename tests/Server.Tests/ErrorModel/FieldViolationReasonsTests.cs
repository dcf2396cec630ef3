using GonPortal.Server.ErrorModel;

namespace GonPortal.Server.Tests.ErrorModel;

public sealed class FieldViolationReasonsTests
{
    [Theory]
    [InlineData("is required", "REQUIRED")]
    [InlineData("given_names or initials is required", "REQUIRED")]
    [InlineData("is required and must be a valid date", "INVALID_DATE")]
    [InlineData("is not a valid BSN", "INVALID_BSN")]
    [InlineData("must not be in the future (today is 2027-05-01)", "NOT_IN_FUTURE")]
    [InlineData("2027-06 has not ended yet", "NOT_IN_FUTURE")]
    [InlineData("must not be before valid_from", "DATE_ORDER")]
    [InlineData("must be 0 or more (euro cents)", "NEGATIVE")]
    [InlineData("is listed twice", "DUPLICATE")]
    [InlineData("unit HOUR is not allowed for product DAGBESTEDING", "NOT_ALLOWED")]
    [InlineData("is implausibly large", "OUT_OF_RANGE")]
    [InlineData("something nobody classified", "INVALID")]
    public void A_description_gets_its_class(string description, string reason) =>
        Assert.Equal(reason, FieldViolationReasons.Classify(description).Reason);

    [Fact]
    public void A_length_rule_carries_its_bounds()
    {
        var (reason, values) = FieldViolationReasons.Classify("must be 3-1000 characters");
        Assert.Equal("TEXT_LENGTH", reason);
        Assert.Equal("3", values["min"]);
        Assert.Equal("1000", values["max"]);
        Assert.Equal("200", FieldViolationReasons.Classify("must be at most 200 characters").Values["max"]);
    }
}
