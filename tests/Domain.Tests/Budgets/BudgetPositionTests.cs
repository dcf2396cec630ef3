using GonPortal.Domain.Budgets;
using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Tests.Budgets;

public sealed class BudgetPositionTests
{
    // Ltot = 1,200,000.05 euro = 120,000,005 cents: floor(/12) = 10,000,000 for Jan-Nov, December 10,000,005.
    private static readonly LumpsumResult Ltot = Lumpsum.Compute(new LumpsumInput(1, 2027, 120_000_005, [], []), 2027);

    private static BudgetPositionInput Input(int month = 3, long subcontractor = 0, long ownMinutes = 0, long rate = 0, long pgb = 0) =>
        new(1, 2027, month, Ltot, subcontractor, Math.Min(month, 3), ownMinutes, rate, pgb, false);

    [Fact]
    public void Advances_to_date_are_the_monthly_advances_of_january_up_to_the_month()
    {
        Assert.Equal(30_000_000, BudgetPosition.Compute(Input(month: 3)).AdvancesToDateCents);
        Assert.Equal(120_000_005, BudgetPosition.Compute(Input(month: 12)).AdvancesToDateCents);
    }

    [Fact]
    public void Own_costs_are_minutes_times_the_reference_rate_per_hour_rounded_once()
    {
        // 61 min at 6,250 ct/h = 381,250 / 60 = 6,354.1666… → 6,354.
        Assert.Equal(6_354, BudgetPosition.Compute(Input(ownMinutes: 61, rate: 6_250)).OwnCostsEstimateCents);
        // 1 min at 6,250 ct/h = 104.1666… → 104; 3 min = 312.5 exactly → 313 (half away from zero).
        Assert.Equal(104, BudgetPosition.Compute(Input(ownMinutes: 1, rate: 6_250)).OwnCostsEstimateCents);
        Assert.Equal(313, BudgetPosition.Compute(Input(ownMinutes: 3, rate: 6_250)).OwnCostsEstimateCents);
    }

    [Fact]
    public void Without_a_reference_rate_own_costs_are_not_estimated()
    {
        Assert.Equal(0, BudgetPosition.Compute(Input(ownMinutes: 10_000, rate: 0)).OwnCostsEstimateCents);
    }

    [Fact]
    public void Costs_balance_and_projection_follow_from_the_figures()
    {
        // Month 3: costs 20,000,000 + own 60 min * 6,000 = 6,000 → 20,006,000; advances 30,000,000.
        var result = BudgetPosition.Compute(Input(month: 3, subcontractor: 20_000_000, ownMinutes: 60, rate: 6_000, pgb: -1_000_000));
        Assert.Equal(20_006_000, result.CostsToDateCents);
        Assert.Equal(9_994_000, result.BalanceToDateCents);
        Assert.Equal(80_024_000, result.ProjectedCostsYearEndCents); // 20,006,000 * 12 / 3
        Assert.Equal(120_000_005 - 1_000_000 - 80_024_000, result.ProjectedResultYearEndCents);
    }

    [Fact]
    public void The_projection_rounds_half_away_from_zero_after_multiplying()
    {
        // 7 months, costs 1 ct: 12 / 7 = 1.714… → 2; costs 7 ct in 8 months: 84 / 8 = 10.5 → 11.
        Assert.Equal(2, BudgetPosition.Compute(Input(month: 7, subcontractor: 1)).ProjectedCostsYearEndCents);
        Assert.Equal(11, BudgetPosition.Compute(Input(month: 8, subcontractor: 7)).ProjectedCostsYearEndCents);
    }

    [Fact]
    public void Negative_statement_totals_lower_the_costs()
    {
        var result = BudgetPosition.Compute(Input(month: 1, subcontractor: -500));
        Assert.Equal(-500, result.CostsToDateCents);
        Assert.Equal(-6_000, result.ProjectedCostsYearEndCents);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_month_outside_1_to_12_is_a_programming_error(int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetPosition.Compute(Input(month: month)));
    }
}
