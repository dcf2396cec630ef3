using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using static GonPortal.Domain.Tests.Hours.HourFixture;

namespace GonPortal.Domain.Tests.Hours;

public class HourArrangementRulesTests
{
    private static readonly DateOnly V2 = new(2027, 3, 1);

    [Fact]
    public void An_unknown_arrangement_is_rejected()
    {
        var o = Judge(AsHa, Entry(OwnId), null);
        Assert.Equal(HourEntryRejectionReason.UnknownArrangement, Reason(o));
        Assert.Equal("arrangement_id", o.Rejection!.Field);
        Assert.Equal("", o.Rejection.WireField);
    }

    [Fact]
    public void Facts_of_another_arrangement_count_as_unknown() =>
        Assert.Equal(HourEntryRejectionReason.UnknownArrangement, Reason(Judge(AsHa, Entry(Guid.NewGuid()), Own())));

    [Fact]
    public void A_stranger_gets_unknown_and_learns_nothing_else_about_it()
    {
        // Wrong product and a date outside the arrangement would leak facts; only "unknown" is said.
        var o = Judge(new HourEntryContext(Stranger, Today), Entry(OwnId, product: Product.Dagbesteding, date: new DateOnly(2026, 1, 1)), Own());
        Assert.Equal(HourEntryRejectionReason.UnknownArrangement, Assert.Single(o.Rejections).Reason);
    }

    [Fact]
    public void The_hoofdaanbieder_cannot_report_on_an_arrangement_an_onderaannemer_executes() =>
        Assert.Equal(HourEntryRejectionReason.UnknownArrangement, Reason(Judge(AsHa, Entry(SubId), ByOa())));

    [Fact]
    public void An_onderaannemer_cannot_report_on_own_staff_arrangements() =>
        Assert.Equal(HourEntryRejectionReason.UnknownArrangement, Reason(Judge(AsOa, Entry(OwnId), Own())));

    [Fact]
    public void Product_must_be_the_arrangements()
    {
        var o = Judge(AsHa, Entry(OwnId, product: Product.Dagbesteding), Own());
        Assert.Equal((HourEntryRejectionReason.ProductMismatch, "product"), (Reason(o)!.Value, o.Rejection!.Field));
    }

    [Fact]
    public void Unit_must_be_the_arrangements()
    {
        var o = Judge(AsHa, Entry(OwnId, unit: Unit.Dagdeel, quantity: 1), Own());
        Assert.Equal((HourEntryRejectionReason.UnitMismatch, "unit"), (Reason(o)!.Value, o.Rejection!.Field));
    }

    [Fact]
    public void Product_mismatch_is_reported_before_unit_mismatch()
    {
        var o = Judge(AsHa, Entry(OwnId, product: Product.Dagbesteding, unit: Unit.Dagdeel, quantity: 1), Own());
        Assert.Equal([HourEntryRejectionReason.ProductMismatch, HourEntryRejectionReason.UnitMismatch], o.Rejections.Select(r => r.Reason));
    }

    [Fact]
    public void Today_is_allowed_tomorrow_is_the_future()
    {
        Assert.False(Judge(AsHa, Entry(OwnId, date: Today), Own()).IsRejected);
        var o = Judge(AsHa, Entry(OwnId, date: Today.AddDays(1)), Own());
        Assert.Equal((HourEntryRejectionReason.DateInFuture, "service_date"), (Reason(o)!.Value, o.Rejection!.Field));
    }

    [Fact]
    public void A_date_before_the_start_is_outside_the_arrangement()
    {
        var o = Judge(AsHa, Entry(OwnId, date: Start.AddDays(-1)), Own());
        Assert.Equal(HourEntryRejectionReason.DateOutsideArrangement, Reason(o));
        Assert.Contains("2026-12-31 is before the arrangement's start date 2027-01-01", o.Rejection!.Message);
    }

    [Fact]
    public void The_start_and_end_dates_themselves_are_inside()
    {
        var end = new DateOnly(2027, 2, 28);
        Assert.False(Judge(AsHa, Entry(OwnId, date: Start), Own(end)).IsRejected);
        Assert.False(Judge(AsHa, Entry(OwnId, date: end), Own(end)).IsRejected);
    }

    [Fact]
    public void A_date_after_the_end_is_outside_the_arrangement()
    {
        var o = Judge(AsHa, Entry(OwnId, date: new DateOnly(2027, 3, 1)), Own(new DateOnly(2027, 2, 28)));
        Assert.Equal(HourEntryRejectionReason.DateOutsideArrangement, Reason(o));
        Assert.Equal("service_date 2027-03-01 is after the arrangement's end date 2027-02-28", o.Rejection!.Message);
    }

    [Fact]
    public void An_arrangement_that_has_not_started_has_no_dates_inside() =>
        Assert.Equal(HourEntryRejectionReason.DateOutsideArrangement, Reason(Judge(AsHa, Entry(OwnId), Own(started: false))));

    [Fact]
    public void The_future_is_reported_before_outside_the_arrangement()
    {
        var o = Judge(AsHa, Entry(OwnId, date: Today.AddDays(1)), Own(new DateOnly(2027, 2, 28)));
        Assert.Equal([HourEntryRejectionReason.DateInFuture, HourEntryRejectionReason.DateOutsideArrangement], o.Rejections.Select(r => r.Reason));
    }

    [Fact]
    public void After_a_handover_the_previous_executor_may_report_only_its_own_days()
    {
        // Own staff until 28 February, the onderaannemer from 1 March.
        var arrangement = Own() with { Versions = [new ExecutorVersionFacts(Start, Ha), new ExecutorVersionFacts(V2, Oa, Subcontract())] };
        Assert.False(Judge(AsHa, Entry(OwnId, date: V2.AddDays(-1)), arrangement).IsRejected);
        var o = Judge(AsHa, Entry(OwnId, date: V2), arrangement);
        Assert.Equal(HourEntryRejectionReason.DateOutsideArrangement, Reason(o));
        Assert.Contains("executed by another organisation", o.Rejection!.Message);
    }

    [Fact]
    public void After_a_handover_the_new_executor_may_report_from_its_first_day()
    {
        var arrangement = Own() with { Versions = [new ExecutorVersionFacts(Start, Ha), new ExecutorVersionFacts(V2, Oa, Subcontract())] };
        Assert.False(Judge(AsOa, Entry(OwnId, date: V2), arrangement).IsRejected);
        Assert.Equal(HourEntryRejectionReason.DateOutsideArrangement, Reason(Judge(AsOa, Entry(OwnId, date: V2.AddDays(-1)), arrangement)));
    }

    [Fact]
    public void A_date_before_the_subcontract_is_outside_it()
    {
        var o = Judge(AsOa, Entry(SubId), ByOa(Subcontract(from: new DateOnly(2027, 3, 11))));
        Assert.Equal((HourEntryRejectionReason.DateOutsideSubcontract, "service_date"), (Reason(o)!.Value, o.Rejection!.Field));
    }

    [Fact]
    public void A_date_after_the_subcontract_ended_is_outside_it()
    {
        var o = Judge(AsOa, Entry(SubId), ByOa(Subcontract(to: new DateOnly(2027, 3, 9))));
        Assert.Equal(HourEntryRejectionReason.DateOutsideSubcontract, Reason(o));
        Assert.False(Judge(AsOa, Entry(SubId), ByOa(Subcontract(to: Day))).IsRejected);
    }

    [Fact]
    public void A_subcontract_without_consent_covers_no_date() =>
        Assert.Equal(HourEntryRejectionReason.DateOutsideSubcontract, Reason(Judge(AsOa, Entry(SubId), ByOa(Subcontract(inEffect: false)))));

    [Fact]
    public void A_subcontract_for_another_area_does_not_cover_the_entry() =>
        Assert.Equal(HourEntryRejectionReason.DateOutsideSubcontract, Reason(Judge(AsOa, Entry(SubId), ByOa(Subcontract(area: 2)))));

    [Fact]
    public void A_subcontract_without_a_rate_for_the_product_does_not_cover_the_entry() =>
        Assert.Equal(HourEntryRejectionReason.DateOutsideSubcontract, Reason(Judge(AsOa, Entry(SubId), ByOa(Subcontract(product: Product.Dagbesteding)))));

    [Fact]
    public void An_onderaannemer_version_without_subcontract_is_refused()
    {
        var arrangement = ByOa() with { Versions = [new ExecutorVersionFacts(Start, Oa)] };
        Assert.Equal(HourEntryRejectionReason.DateOutsideSubcontract, Reason(Judge(AsOa, Entry(SubId), arrangement)));
    }

    [Fact]
    public void Own_staff_needs_no_subcontract() => Assert.False(Judge(AsHa, Entry(OwnId), Own()).IsRejected);

    [Fact]
    public void Up_to_24_hours_per_client_day_is_accepted() =>
        Assert.False(Judge(AsHa, Entry(OwnId, quantity: 240), Own(), storedMinutes: 1200).IsRejected);

    [Fact]
    public void More_than_24_hours_per_client_day_is_rejected_with_the_figures()
    {
        var o = Judge(AsHa, Entry(OwnId, quantity: 241), Own(), storedMinutes: 1200);
        Assert.Equal((HourEntryRejectionReason.Over24HoursPerClientDay, "quantity"), (Reason(o)!.Value, o.Rejection!.Field));
        Assert.Contains("1441 minutes on 2027-03-10 (1200 stored, 0 earlier in this batch, 241 now)", o.Rejection.Message);
    }

    [Fact]
    public void Dagdelen_are_not_counted_against_24_hours()
    {
        var arrangement = Own(unit: Unit.Dagdeel, product: Product.Dagbesteding);
        var o = Judge(AsHa, Entry(OwnId, quantity: 3, unit: Unit.Dagdeel, product: Product.Dagbesteding), arrangement, storedMinutes: 1440);
        Assert.False(o.IsRejected);
    }

    [Fact]
    public void The_24_hour_rule_is_the_last_in_rank()
    {
        var o = Judge(AsHa, Entry(OwnId, date: Today.AddDays(1), quantity: 600), Own(), storedMinutes: 1000);
        Assert.Equal([HourEntryRejectionReason.DateInFuture, HourEntryRejectionReason.Over24HoursPerClientDay], o.Rejections.Select(r => r.Reason));
    }
}
