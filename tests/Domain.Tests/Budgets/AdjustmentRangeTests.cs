using GonPortal.Domain.Common;
using GonPortal.Domain.Budgets;

namespace GonPortal.Domain.Tests.Budgets;

/// <summary>An adjustment's amount is bounded before anything negates or sums it: the extremes of int64 are out of range, not an overflow.</summary>
public class AdjustmentRangeTests
{
    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(-BudgetLimits.MaxLumpsumCents - 1)]
    public void An_amount_beyond_the_limit_is_a_field_violation(long cents)
    {
        var e = Assert.Throws<DomainValidationException>(() => Adjust(cents));
        Assert.Contains(e.Violations, v => v.Field == "amount_cents");
    }

    [Theory]
    [InlineData(-BudgetLimits.MaxLumpsumCents)]
    [InlineData(BudgetLimits.MaxLumpsumCents)]
    public void The_limit_itself_is_allowed(long cents) => Assert.Equal(cents, Adjust(cents).AmountCents);

    private static BudgetAdjustment Adjust(long cents) =>
        BudgetAdjustment.Create(Guid.NewGuid(), 1, 2027, cents, BudgetAdjustmentReason.Ageing, "Vergrijzing in de wijk", "tester", DateTimeOffset.UnixEpoch);
}
