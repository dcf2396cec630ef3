using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;

namespace GonPortal.Domain.Tests.Budgets;

public class BudgetFigureValidationTests
{
    private static readonly DateTimeOffset Now = new(2028, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private static string[] Fields(Action act) =>
        Assert.Throws<DomainValidationException>(act).Violations.Select(v => v.Field).Order().ToArray();

    [Fact]
    public void A_base_lumpsum_must_be_positive()
    {
        Assert.Equal(["amount_cents"], Fields(() => BaseLumpsum.Create(Guid.NewGuid(), 1, 2027, null, 0, "x", Now)));
    }

    [Fact]
    public void Changing_a_base_lumpsum_to_the_same_amount_changes_nothing()
    {
        var b = BaseLumpsum.Create(Guid.NewGuid(), 1, 2027, null, 500, "x", Now);
        Assert.False(b.Change(500, null, 2027, "y", Now.AddDays(1)));
        Assert.False(b.Change(500, 2026, 2027, "y", Now.AddDays(1)));
        Assert.Equal("x", b.UpdatedBy);
        Assert.True(b.Change(600, null, 2027, "y", Now.AddDays(1)));
    }

    [Fact]
    public void An_index_needs_a_kind_a_year_and_a_plausible_figure()
    {
        Assert.Equal(["index_bp", "kind", "source", "year"], Fields(() => IndexRate.Validate(1999, null, 5001, new string('x', 201))));
    }

    [Fact]
    public void A_definitive_index_replaces_the_prognosis_in_force()
    {
        var rate = IndexRate.Create(2028, "x", Now);
        rate.Set(IndexKind.Prognosis, 300, "VNG", "x", Now);
        Assert.Equal((300, IndexKind.Prognosis), (rate.EffectiveBp, rate.EffectiveKind));
        rate.Set(IndexKind.Definitive, 250, "CBS", "x", Now);
        Assert.Equal((250, IndexKind.Definitive), (rate.EffectiveBp, rate.EffectiveKind));
        Assert.Equal(300, rate.PrognosisBp);
    }

    [Fact]
    public void Setting_the_same_index_again_changes_nothing()
    {
        var rate = IndexRate.Create(2028, "x", Now);
        Assert.True(rate.Set(IndexKind.Prognosis, 300, "VNG", "x", Now));
        Assert.False(rate.Set(IndexKind.Prognosis, 300, " VNG ", "y", Now));
    }

    [Fact]
    public void An_adjustment_needs_an_area_a_nonzero_amount_a_reason_and_a_description()
    {
        Assert.Equal(["amount_cents", "area_id", "description", "reason", "year"],
            Fields(() => BudgetAdjustment.Create(Guid.NewGuid(), 5, 3000, 0, null, "ab", "x", Now)));
    }

    [Fact]
    public void A_negative_adjustment_is_allowed()
    {
        var a = BudgetAdjustment.Create(Guid.NewGuid(), 1, 2027, -1_000, BudgetAdjustmentReason.Ageing, "  Correctie  ", "x", Now);
        Assert.Equal(-1_000, a.AmountCents);
        Assert.Equal("Correctie", a.Description);
    }

    [Fact]
    public void Pgb_counts_and_costs_must_not_be_negative()
    {
        Assert.Equal(["client_count"], Fields(() => PgbMonthlyCount.Create(1, 2027, 1, -1, "x", Now)));
        Assert.Equal(["average_cost_cents"], Fields(() => PgbAverageCost.Create(1, 2027, -1, "x", Now)));
        Assert.Equal(["client_count", "reference_date"], Fields(() => PgbBaseline.Create(Guid.NewGuid(), 1, null, -1, "x", Now)));
    }

    [Fact]
    public void Year_parameters_check_every_field_and_number_versions()
    {
        Assert.Equal(["change_note", "pgb_compensation_share_bp", "profit_cap_bp", "reference_hourly_rate_cents", "sanction_bp", "year"],
            Fields(() => YearParameters.Save(1999, 0, -1, 0, 0, 10_001, 0, 0, 20_000, "", "x", Now)));
        var v = YearParameters.Save(2027, 2, 300, 6_250, 0, 10_000, 1_500, 1_500, 0, "Raadsbesluit", "x", Now);
        Assert.Equal(3, v.Version);
    }

    [Theory]
    [InlineData(-1, 0, "reference_dagdeel_rate_cents")]
    [InlineData(0, 500_001, "reference_etmaal_rate_cents")]
    public void Reference_rates_per_dagdeel_and_etmaal_are_0_to_500000_cents(long dagdeel, long etmaal, string field)
    {
        var e = Assert.Throws<DomainValidationException>(() =>
            YearParameters.Save(2027, 0, 300, 6_250, 0, 10_000, 1_500, 1_500, 0, "Raadsbesluit", "x", Now, dagdeel, etmaal));
        Assert.Equal([field], e.Violations.Select(x => x.Field));
    }

    [Fact]
    public void Reference_rates_per_dagdeel_and_etmaal_are_kept_and_0_means_not_estimated()
    {
        var v = YearParameters.Save(2027, 0, 300, 6_250, 0, 10_000, 1_500, 1_500, 0, "Raadsbesluit", "x", Now, 5_425, 0);
        Assert.Equal((5_425L, 0L), (v.ReferenceDagdeelRateCents, v.ReferenceEtmaalRateCents));
        Assert.Equal((0L, 0L), (YearParameters.Defaults(2027).ReferenceDagdeelRateCents, YearParameters.Defaults(2027).ReferenceEtmaalRateCents));
    }

    [Fact]
    public void The_defaults_are_version_0_without_a_reference_rate()
    {
        var d = YearParameters.Defaults(2028);
        Assert.Equal((0, 300, 0L, 10_000, 3_000), (d.Version, d.ProfitCapBp, d.ReferenceHourlyRateCents, d.PgbCompensationShareBp, d.BasisShareTargetBp));
    }

    [Fact]
    public void A_locked_year_report_cannot_be_replaced()
    {
        var r = YearReport.Submit(1, 2027, Guid.NewGuid(), 100, "", "x", Now);
        Assert.True(r.Lock("g", Now));
        Assert.False(r.Lock("g", Now));
        Assert.Throws<InvalidStateException>(() => r.Replace(200, "", "x", Now));
    }

    [Fact]
    public void A_year_report_needs_non_negative_costs_and_a_short_note()
    {
        Assert.Equal(["note", "own_delivery_costs_cents"],
            Fields(() => YearReport.Submit(1, 2027, Guid.NewGuid(), -1, new string('x', 4001), "x", Now)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(-1, true)]
    public void An_area_filter_is_0_for_all_areas_or_an_area_id(int areaId, bool refused)
    {
        var v = new Domain.Validation.Violations();
        BudgetKeys.AreaFilter(v, areaId);
        Assert.Equal(refused ? ["area_id"] : [], v.Items.Select(i => i.Field));
    }
}
