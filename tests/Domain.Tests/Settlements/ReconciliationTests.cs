using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Tests.Settlements;

public class ReconciliationTests
{
    private static readonly Guid Provider = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid SubA = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid SubB = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Arr1 = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Arr2 = Guid.Parse("00000000-0000-0000-0000-000000000002");

    /// <summary>Ltot = <paramref name="totalCents"/> of area 1 in base year 2028 (L = B, no index needed).</summary>
    private static LumpsumResult LumpsumOf(long totalCents) =>
        Lumpsum.Compute(new LumpsumInput(1, 2028, totalCents, [], []), 2028);

    /// <summary>Final PGB run; all months <paramref name="monthly"/> against P0 = 100 at C = 1,000,000.</summary>
    private static PgbSettlementResult FinalPgb(int monthly = 100) =>
        PgbSettlement.Compute(
            new PgbSettlementInput(1, 2028, 100, [.. Enumerable.Range(1, 12).Select(m => new MonthlyPgbCount(m, monthly))], 1_000_000),
            PgbSettlementKind.Final);

    /// <summary>S = 40,000,000 for area 1: two statements of 2028; plus lines that must not count.</summary>
    private static IReadOnlyList<SubcontractorStatementResult> Statements() =>
    [
        // 3 etmaal x 10,000,000 = 30,000,000 for area 1; 5,000,000 for area 2 (not counted).
        SubcontractorStatement.Compute(SubA, 2028, 3,
        [
            new StatementEntry(1, Product.KortdurendVerblijf, Unit.Etmaal, 10_000_000, 3),
            new StatementEntry(2, Product.KortdurendVerblijf, Unit.Etmaal, 5_000_000, 1),
        ]),
        // 600,000 minutes at 1,000 cents/hour = 10,000 hours = 10,000,000 for area 1.
        SubcontractorStatement.Compute(SubB, 2028, 11, [new StatementEntry(1, Product.Begeleiding, Unit.Hour, 1_000, 600_000)]),
        // Another year: not counted.
        SubcontractorStatement.Compute(SubB, 2027, 11, [new StatementEntry(1, Product.Begeleiding, Unit.Hour, 1_000, 60_000)]),
    ];

    /// <summary>
    /// Arr1: allocated 6,000 min (100 h), delivered 4,800 min (80 h): short 20 h.
    /// Arr2: allocated 600 min, delivered 900 min: over-delivered, short 0 (does not offset Arr1).
    /// U = 20 h; at r = 6,500: M = 130,000.
    /// </summary>
    private static IReadOnlyList<HourArrangementDelivery> Hours() =>
        [new(Arr1, 6_000, 4_800), new(Arr2, 600, 900)];

    private static ReconciliationInput Input(
        long lumpsum = 100_000_000, PgbSettlementResult? pgb = null, long own = 50_000_000,
        TargetAssessment? basis = null, TargetAssessment? initiative = null, decimal sigma = 0m) =>
        new(Provider, 1, 2028, LumpsumOf(lumpsum), (pgb ?? FinalPgb()).Amount, SubcontractorCost.OfArea(Statements(), 1, 2028), own, 6_500, Hours(),
            basis ?? TargetAssessment.Assess(3, 20, 1_500), initiative ?? TargetAssessment.Assess(0, 0, 1_500),
            SanctionFraction: sigma);

    [Fact]
    public void Profit_above_the_cap_is_reclaimed_after_the_shortage_with_every_figure_recorded()
    {
        // PGB: all months 99 against P0 100: D = 1; PGB = 1 * 1,000,000 = 1,000,000
        // R = 100,000,000 + 1,000,000 = 101,000,000
        // S = 30,000,000 + 10,000,000 = 40,000,000; O = 50,000,000; K = 90,000,000; W = 11,000,000
        // A = round(0.03 * 101,000,000) = 3,030,000
        // U = 20 h; M = 20 * 6,500 = 130,000; Ms = min(11,000,000, 130,000) = 130,000
        // E = max(0, 11,000,000 - 130,000 - 3,030,000) = 7,840,000
        // basis 3/20 = 15 % met, initiative 0/0 not assessed: sanctions 0; T = 130,000 + 7,840,000 = 7,970,000
        var input = Input(pgb: FinalPgb(99), sigma: 0.01m);
        var r = Reconciliation.Compute(input);

        Assert.Equal("1.1", r.RulesVersion);
        Assert.Equal((Provider, 1, 2028), (r.HoofdaanbiederId, r.AreaId, r.Year));
        Assert.Same(input.Lumpsum, r.Lumpsum);
        Assert.Same(input.Pgb, r.Pgb);
        Assert.Equal(100_000_000, r.LumpsumTotalCents);
        Assert.Equal(1_000_000, r.PgbCents);
        Assert.Equal(101_000_000, r.RevenueCents);
        Assert.Equal([(SubA, 3, 30_000_000L), (SubB, 11, 10_000_000L)], r.SubcontractorCosts.Select(c => (c.SubcontractId, c.Month, c.AmountCents)));
        Assert.Equal(40_000_000, r.SubcontractorCostsCents);
        Assert.Equal(50_000_000, r.OwnCostsCents);
        Assert.Equal(90_000_000, r.CostsCents);
        Assert.Equal(11_000_000, r.ResultCents);
        Assert.Equal(0.03m, r.ProfitCap);
        Assert.Equal(3_030_000, r.ProfitCapUnrounded);
        Assert.Equal(3_030_000, r.ProfitCapCents);
        Assert.Equal(6_500, r.ReferenceRateCentsPerHour);
        Assert.Equal(
            [(Arr1, (Rational)100, (Rational)80, (Rational)20), (Arr2, (Rational)10, (Rational)15, Rational.Zero)],
            r.ShortageLines.Select(l => (l.ArrangementId, l.AllocatedHours, l.DeliveredHours, l.ShortfallHours)));
        Assert.Equal(20, r.UnmetHours);
        Assert.Equal(130_000, r.ShortageUnrounded);
        Assert.Equal(130_000, r.ShortageCents);
        Assert.Equal(130_000, r.ReclaimedShortageCents);
        Assert.Equal(7_840_000, r.ExcessProfitCents);
        Assert.Equal(0.01m, r.SanctionFraction);
        Assert.Equal([SettlementTarget.BasisShare, SettlementTarget.InitiativeShare], r.Targets.Select(t => t.Target));
        Assert.Equal([TargetStatus.Met, TargetStatus.NotAssessed], r.Targets.Select(t => t.Assessment.Status));
        Assert.All(r.Targets, t => Assert.Equal(0, t.SanctionCents));
        Assert.Equal(0, r.SanctionsCents);
        Assert.Equal(7_970_000, r.PayBackCents);
    }

    [Fact]
    public void Profit_under_the_cap_reclaims_only_the_shortage()
    {
        // R = 100,000,000; K = 40,000,000 + 58,000,000 = 98,000,000; W = 2,000,000; A = 3,000,000
        // Ms = min(2,000,000, 130,000) = 130,000; E = max(0, 2,000,000 - 130,000 - 3,000,000) = 0; T = 130,000
        var r = Reconciliation.Compute(Input(own: 58_000_000));
        Assert.Equal(2_000_000, r.ResultCents);
        Assert.Equal(3_000_000, r.ProfitCapCents);
        Assert.Equal(130_000, r.ReclaimedShortageCents);
        Assert.Equal(0, r.ExcessProfitCents);
        Assert.Equal(130_000, r.PayBackCents);
    }

    [Fact]
    public void Profit_under_the_cap_without_shortage_reclaims_nothing()
    {
        // As above but every arrangement fully delivered: M = 0; W = 2,000,000 <= A = 3,000,000; T = 0
        var r = Reconciliation.Compute(Input(own: 58_000_000) with { HourArrangements = [new(Arr1, 6_000, 6_000)] });
        Assert.Equal(0, r.UnmetHours);
        Assert.Equal(0, r.ShortageCents);
        Assert.Equal(0, r.ReclaimedShortageCents);
        Assert.Equal(0, r.ExcessProfitCents);
        Assert.Equal(0, r.PayBackCents);
    }

    [Fact]
    public void A_loss_year_reclaims_nothing_but_a_sanction_still_applies()
    {
        // R = 100,000,000; K = 40,000,000 + 70,000,000 = 110,000,000; W = -10,000,000: Ms = E = 0
        // basis 1/10 = 10 % < 15 %: missed; sanction = round(0.01 * 100,000,000) = 1,000,000
        // initiative 1/1 met: no sanction. T = 1,000,000
        var r = Reconciliation.Compute(Input(own: 70_000_000, basis: TargetAssessment.Assess(1, 10, 1_500),
            initiative: TargetAssessment.Assess(1, 1, 1_500), sigma: 0.01m));
        Assert.Equal(-10_000_000, r.ResultCents);
        Assert.Equal(130_000, r.ShortageCents);
        Assert.Equal(0, r.ReclaimedShortageCents);
        Assert.Equal(0, r.ExcessProfitCents);
        Assert.Equal(TargetStatus.Missed, r.Targets[0].Assessment.Status);
        Assert.Equal(1_000_000, r.Targets[0].Unrounded);
        Assert.Equal(1_000_000, r.Targets[0].SanctionCents);
        Assert.Equal(0, r.Targets[1].SanctionCents);
        Assert.Equal(1_000_000, r.SanctionsCents);
        Assert.Equal(1_000_000, r.PayBackCents);
    }

    [Fact]
    public void A_break_even_year_reclaims_nothing()
    {
        // K = 40,000,000 + 60,000,000 = R: W = 0
        var r = Reconciliation.Compute(Input(own: 60_000_000));
        Assert.Equal(0, r.ResultCents);
        Assert.Equal(0, r.PayBackCents);
    }

    [Fact]
    public void A_shortage_larger_than_the_profit_takes_the_whole_profit()
    {
        // K = 40,000,000 + 59,900,000 = 99,900,000; W = 100,000; M = 130,000
        // Ms = min(100,000, 130,000) = 100,000 = W; E = max(0, 100,000 - 100,000 - 3,000,000) = 0
        var r = Reconciliation.Compute(Input(own: 59_900_000));
        Assert.Equal(100_000, r.ResultCents);
        Assert.Equal(130_000, r.ShortageCents);
        Assert.Equal(100_000, r.ReclaimedShortageCents);
        Assert.Equal(0, r.ExcessProfitCents);
        Assert.Equal(100_000, r.PayBackCents);
    }

    [Fact]
    public void Both_targets_missed_give_two_sanctions_rounded_half_away_from_zero()
    {
        // Ltot = 100,000,050; sanction = round(0.01 * 100,000,050) = round(1,000,000.5) = 1,000,001, twice
        // A = round(0.03 * 100,000,050) = round(3,000,001.5) = 3,000,002
        // K = 40,000,000 + 60,000,050 = R: W = 0; T = 2,000,002
        var r = Reconciliation.Compute(Input(lumpsum: 100_000_050, own: 60_000_050,
            basis: TargetAssessment.Assess(2, 20, 1_500), initiative: TargetAssessment.Assess(1, 10, 1_500), sigma: 0.01m));
        Assert.Equal(new Rational(6_000_003, 2), r.ProfitCapUnrounded);
        Assert.Equal(3_000_002, r.ProfitCapCents);
        Assert.Equal(new Rational(2_000_001, 2), r.Targets[0].Unrounded);
        Assert.Equal([1_000_001L, 1_000_001L], r.Targets.Select(t => t.SanctionCents));
        Assert.Equal(2_000_002, r.SanctionsCents);
        Assert.Equal(2_000_002, r.PayBackCents);
    }

    [Fact]
    public void The_default_sanction_fraction_is_zero()
    {
        var r = Reconciliation.Compute(Input(basis: TargetAssessment.Assess(0, 20, 1_500)));
        Assert.Equal(TargetStatus.Missed, r.Targets[0].Assessment.Status);
        Assert.Equal(0, r.SanctionsCents);
    }

    [Fact]
    public void A_negative_revenue_has_no_negative_cap()
    {
        // PGB: all months 300 against P0 100: D = -200; PGB = -200,000,000; R = 100,000,000 - 200,000,000 = -100,000,000
        // A = max(0, round(0.03 * -100,000,000)) = max(0, -3,000,000) = 0
        var r = Reconciliation.Compute(Input(pgb: FinalPgb(300)));
        Assert.Equal(-100_000_000, r.RevenueCents);
        Assert.Equal(-3_000_000, r.ProfitCapUnrounded);
        Assert.Equal(0, r.ProfitCapCents);
    }

    [Fact]
    public void The_unmet_hours_stay_exact_until_the_amount_is_rounded()
    {
        // 90 min per week over 2028 (366 days): allocated = 90/7 * 366 = 32,940/7 minutes
        // delivered 4,000 min; shortfall = 32,940/7 - 28,000/7 = 4,940/7 min = 4,940/420 h = 247/21 h
        // M = round(247/21 * 6,300) = 247 * 300 = 74,100
        var r = Reconciliation.Compute(Input() with
        {
            HourArrangements = [new(Arr1, new Rational(32_940, 7), 4_000)],
            ReferenceRateCentsPerHour = 6_300,
        });
        Assert.Equal(new Rational(247, 21), r.UnmetHours);
        Assert.Equal(new Rational(247, 21), r.ShortageLines[0].ShortfallHours);
        Assert.Equal(74_100, r.ShortageCents);
    }

    [Fact]
    public void A_missing_final_pgb_run_is_refused()
    {
        var missing = Input() with { Pgb = null };
        Assert.Contains("final PGB settlement", Assert.Throws<InvalidStateException>(() => Reconciliation.Compute(missing)).Message);

        var provisional = PgbSettlement.Compute(
            new PgbSettlementInput(1, 2028, 100, [new MonthlyPgbCount(1, 100)], 1_000_000), PgbSettlementKind.Provisional);
        Assert.Throws<InvalidStateException>(() => Reconciliation.Compute(Input() with { Pgb = provisional.Amount }));
    }

    [Fact]
    public void Inputs_of_another_area_or_year_are_rejected()
    {
        var otherYear = PgbSettlement.Compute(
            new PgbSettlementInput(1, 2029, 100, [.. Enumerable.Range(1, 12).Select(m => new MonthlyPgbCount(m, 100))], 1), PgbSettlementKind.Final);
        Assert.Throws<ArgumentException>(() => Reconciliation.Compute(Input() with { Pgb = otherYear.Amount }));
        Assert.Throws<ArgumentException>(() => Reconciliation.Compute(Input() with { AreaId = 2 }));
    }

    [Fact]
    public void Two_statements_of_the_same_subcontract_and_month_are_rejected()
    {
        var twice = SubcontractorStatement.Compute(SubA, 2028, 3, []);
        Assert.Throws<ArgumentException>(() => Reconciliation.Compute(Input() with { SubcontractorCosts = SubcontractorCost.OfArea([twice, twice], 1, 2028) }));
    }

    [Fact]
    public void Revenue_uses_Ltot_including_the_ventiel_of_the_year()
    {
        // L = 100,000,000 (base year 2028), V = +2,000,000 -> Ltot = 102,000,000; PGB 0; R = 102,000,000
        // K = 90,000,000; W = 12,000,000; A = round(0.03 * 102,000,000) = 3,060,000
        // Ms = 130,000; E = 12,000,000 - 130,000 - 3,060,000 = 8,810,000
        var lumpsum = Lumpsum.Compute(new LumpsumInput(1, 2028, 100_000_000, [], [new VentielAdjustment(2028, 2_000_000, "ageing")]), 2028);
        var r = Reconciliation.Compute(Input() with { Lumpsum = lumpsum });
        Assert.Equal(102_000_000, r.LumpsumTotalCents);
        Assert.Equal(102_000_000, r.RevenueCents);
        Assert.Equal(3_060_000, r.ProfitCapCents);
        Assert.Equal(8_810_000, r.ExcessProfitCents);
        Assert.Equal(8_940_000, r.PayBackCents);
    }

    [Fact]
    public void An_arrangement_listed_twice_or_negative_own_costs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Reconciliation.Compute(Input() with { HourArrangements = [new(Arr1, 60, 0), new(Arr1, 60, 0)] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Reconciliation.Compute(Input(own: -1)));
    }
}
