using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Tests.Reporting;

public class TargetAssessmentTests
{
    [Fact]
    public void A_share_exactly_equal_to_the_target_is_met()
    {
        var a = TargetAssessment.Assess(3, 20, 1500);
        Assert.Equal(TargetStatus.Met, a.Status);
        Assert.Equal(1500, a.ShareBp);
        Assert.Equal("0.1500", a.ShareRounded);
    }

    [Fact]
    public void A_share_below_the_target_is_missed() =>
        Assert.Equal(TargetStatus.Missed, TargetAssessment.Assess(2, 20, 1500).Status);

    [Fact]
    public void Denominator_zero_is_not_assessed()
    {
        var a = TargetAssessment.Assess(0, 0, 1500);
        Assert.Equal(TargetStatus.NotAssessed, a.Status);
        Assert.Equal(0, a.ShareBp);
        Assert.Null(a.Share);
        Assert.Null(a.ShareRounded);
    }

    [Fact]
    public void The_status_uses_the_exact_share_not_the_rounded_one()
    {
        // 1/3 = 3333.33 bp: meets 3333, misses 3334 although no rounding shows the difference.
        Assert.Equal(TargetStatus.Met, TargetAssessment.Assess(1, 3, 3333).Status);
        Assert.Equal(TargetStatus.Missed, TargetAssessment.Assess(1, 3, 3334).Status);
        // 2999/20000 = 0.14995 shows as 0.1500 (1500 bp) but misses 15 %.
        var justBelow = TargetAssessment.Assess(2999, 20_000, 1500);
        Assert.Equal(1500, justBelow.ShareBp);
        Assert.Equal(TargetStatus.Missed, justBelow.Status);
    }

    [Theory]
    [InlineData(1, 3, 3333, "0.3333")]
    [InlineData(2, 3, 6667, "0.6667")]
    [InlineData(1, 32, 313, "0.0313")]
    [InlineData(7, 7, 10000, "1.0000")]
    [InlineData(0, 5, 0, "0.0000")]
    public void The_share_is_shown_rounded_half_away_from_zero_to_4_decimals(int n, int d, int bp, string shown)
    {
        var a = TargetAssessment.Assess(n, d, 1500);
        Assert.Equal(bp, a.ShareBp);
        Assert.Equal(shown, a.ShareRounded);
        Assert.Equal(new Rational(n, d), a.Share);
    }

    [Fact]
    public void A_zero_target_is_met_by_any_assessed_share() =>
        Assert.Equal(TargetStatus.Met, TargetAssessment.Assess(0, 5, 0).Status);

    [Fact]
    public void A_target_above_100_percent_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetAssessment.Assess(1, 2, 10_001));

    [Fact]
    public void A_numerator_above_the_denominator_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetAssessment.Assess(3, 2, 1500));
}
