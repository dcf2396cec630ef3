using GonPortal.Domain.Budgets;
using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Tests.Budgets;

public sealed class BudgetPositionTests
{
    // Ltot = 1,200,000.05 euro = 120,000,005 cents: floor(/12) = 10,000,000 for Jan-Nov, December 10,000,005.
    private static readonly LumpsumResult Ltot = Lumpsum.Compute(new LumpsumInput(1, 2027, 120_000_005, [], []), 2027);

    // The old single-figure form: all costs in January, every month complete.
    private static BudgetPositionInput Input(int month = 3, long subcontractor = 0, long ownMinutes = 0, long rate = 0, long pgb = 0) =>
        new(1, 2027, month, Ltot,
            Enumerable.Range(1, month).Select(m => m == 1 ? new BudgetPositionMonth(1, subcontractor, ownMinutes, 0, 0, true) : Empty(m)).ToList(),
            Math.Min(month, 3), new ReferenceRates(rate, 0, 0), pgb, false);

    private static BudgetPositionMonth Empty(int m, bool complete = true) => new(m, 0, 0, 0, 0, complete);

    private static BudgetPositionInput Months(int month, ReferenceRates rates, params BudgetPositionMonth[] months) =>
        new(1, 2027, month, Ltot, months, months.Count(m => m.Complete), rates, 0, false);

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
        var result = BudgetPosition.Compute(Input(month: 3, subcontractor: -500));
        Assert.Equal(-500, result.CostsToDateCents);
        Assert.Equal(-2_000, result.ProjectedCostsYearEndCents);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_month_outside_1_to_12_is_a_programming_error(int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetPosition.Compute(
            new BudgetPositionInput(1, 2027, month, Ltot, [], 0, new ReferenceRates(0, 0, 0), 0, false)));
    }

    [Fact]
    public void Own_dagdelen_and_etmalen_are_valued_at_their_reference_rates()
    {
        // 12 dagdelen at 5,425 = 65,100; 3 etmalen at 21,050 = 63,150; 90 min at 6,250 = 9,375. Sum 137,625.
        var r = BudgetPosition.Compute(Months(1, new ReferenceRates(6_250, 5_425, 21_050), new BudgetPositionMonth(1, 0, 90, 12, 3, true)));
        Assert.Equal(9_375, r.ToDate.OwnHourCents);
        Assert.Equal(65_100, r.ToDate.OwnDagdeelCents);
        Assert.Equal(63_150, r.ToDate.OwnEtmaalCents);
        Assert.Equal(137_625, r.OwnCostsEstimateCents);
        Assert.Equal(137_625, r.CostsToDateCents);
    }

    [Fact]
    public void A_unit_without_a_reference_rate_adds_nothing_but_keeps_its_count()
    {
        var r = BudgetPosition.Compute(Months(1, new ReferenceRates(6_250, 0, 21_050), new BudgetPositionMonth(1, 0, 0, 784, 2, true)));
        Assert.Equal(784, r.ToDate.OwnDagdelen);
        Assert.Equal(0, r.ToDate.OwnDagdeelCents);
        Assert.Equal(42_100, r.OwnCostsEstimateCents);
    }

    [Fact]
    public void Own_minutes_are_summed_over_the_months_before_rounding()
    {
        // 1 min in each of 3 months at 6,250: 3 * 104.1666 = 312.5 → 313 once (not 3 * 104 = 312).
        var r = BudgetPosition.Compute(Months(3, new ReferenceRates(6_250, 0, 0),
            new BudgetPositionMonth(1, 0, 1, 0, 0, true), new BudgetPositionMonth(2, 0, 1, 0, 0, true), new BudgetPositionMonth(3, 0, 1, 0, 0, true)));
        Assert.Equal(313, r.OwnCostsEstimateCents);
    }

    [Fact]
    public void The_projection_rests_on_the_three_complete_of_six_ended_months_only()
    {
        // Statements for January-March only (complete, 5,500,000 each); April-June incomplete with own hours only
        // (600 min at 6,000 = 60,000 each). The projection is costs(K) * 12 / |K| = 16,500,000 * 12 / 3 = 66,000,000,
        // whatever month is chosen; dividing the costs to date by 6 would give 33,360,000.
        var rates = new ReferenceRates(6_000, 0, 0);
        var months = new[]
        {
            new BudgetPositionMonth(1, 5_500_000, 0, 0, 0, true), new BudgetPositionMonth(2, 5_500_000, 0, 0, 0, true),
            new BudgetPositionMonth(3, 5_500_000, 0, 0, 0, true), new BudgetPositionMonth(4, 0, 600, 0, 0, false),
            new BudgetPositionMonth(5, 0, 600, 0, 0, false), new BudgetPositionMonth(6, 0, 600, 0, 0, false),
        };
        var r = BudgetPosition.Compute(Months(6, rates, months));
        Assert.Equal([1, 2, 3], r.CompleteMonths);
        Assert.Equal(16_680_000, r.CostsToDateCents);
        Assert.Equal(66_000_000, r.ProjectedCostsYearEndCents);
        Assert.Equal(120_000_005 - 66_000_000, r.ProjectedResultYearEndCents);
        Assert.Equal(66_000_000, BudgetPosition.Compute(Months(3, rates, months[..3])).ProjectedCostsYearEndCents);
    }

    [Fact]
    public void The_projection_uses_complete_months_that_are_not_the_first_ones()
    {
        // Complete: February, April, May (1,000 each) → 3,000 * 12 / 3 = 12,000; January and March (incomplete) do not count.
        var r = BudgetPosition.Compute(Months(5, new ReferenceRates(0, 0, 0),
            new BudgetPositionMonth(1, 9_999, 0, 0, 0, false), new BudgetPositionMonth(2, 1_000, 0, 0, 0, true),
            new BudgetPositionMonth(3, 9_999, 0, 0, 0, false), new BudgetPositionMonth(4, 1_000, 0, 0, 0, true),
            new BudgetPositionMonth(5, 1_000, 0, 0, 0, true)));
        Assert.Equal([2, 4, 5], r.CompleteMonths);
        Assert.Equal(12_000, r.ProjectedCostsYearEndCents);
    }

    [Fact]
    public void With_fewer_than_three_complete_months_the_projection_is_withheld_and_the_complete_months_are_still_listed()
    {
        var r = BudgetPosition.Compute(Months(6, new ReferenceRates(0, 0, 0),
            new BudgetPositionMonth(1, 1_000, 0, 0, 0, true), new BudgetPositionMonth(2, 1_000, 0, 0, 0, true),
            Empty(3, false), Empty(4, false), Empty(5, false), Empty(6, false)));
        Assert.Equal([1, 2], r.CompleteMonths);
        Assert.Null(r.ProjectedCostsYearEndCents);
        Assert.Null(r.ProjectedResultYearEndCents);
        Assert.Equal(2_000, r.CostsToDateCents);
    }

    [Fact]
    public void A_month_after_the_chosen_month_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => BudgetPosition.Compute(Months(2, new ReferenceRates(0, 0, 0), Empty(3))));
    }
}
