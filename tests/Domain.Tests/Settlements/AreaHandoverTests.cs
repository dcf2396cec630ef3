using GonPortal.Domain.Budgets;
using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Tests.Settlements;

/// <summary>
/// An area handed over on 1 July 2027 (settlement-rules.md §7), worked by hand: A holds January-June
/// (181 days, 6 months), B July-December (184 days, 6 months) of a 365-day year.
/// </summary>
public sealed class AreaHandoverTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-0000000000bb");
    private static readonly Guid ContractA = Guid.Parse("00000000-0000-0000-0000-00000000c0aa");
    private static readonly Guid ContractB = Guid.Parse("00000000-0000-0000-0000-00000000c0bb");
    private static readonly Guid Arr1 = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Arr2 = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid SubA = Guid.Parse("00000000-0000-0000-0000-0000000005aa");

    // B = 100,000,000 at y0 = 2026, i(2027) = 4.96 %: L = 104,960,000; ventiel +1,000,003: Ltot = 105,960,003.
    private static readonly LumpsumResult Ltot = Lumpsum.Compute(new LumpsumInput(1, 2026, 100_000_000,
        [new YearIndex(2027, 0.0496m, null)], [new VentielAdjustment(2027, 1_000_003, "PGB-ZIN")]), 2027);

    // P0 = 100, 96 every month: D = 4; C = 123,457: PGB = 493,828.
    private static readonly PgbSettlementResult Pgb = PgbSettlement.Compute(new PgbSettlementInput(1, 2027, 100,
        [.. Enumerable.Range(1, 12).Select(m => new MonthlyPgbCount(m, 96))], 123_457), PgbSettlementKind.Final);

    // The contracts run past the year on both sides: clipped to 2027.
    private static readonly HolderPeriod[] Holders =
    [
        new(B, ContractB, new DateOnly(2027, 7, 1), new DateOnly(2030, 12, 31)),
        new(A, ContractA, new DateOnly(2023, 1, 1), new DateOnly(2027, 6, 30)),
    ];

    private static IReadOnlyList<HolderShare> Shares(long pgb = 493_828) => AreaHandover.Split(2027, Ltot.TotalCents, pgb, Holders);

    [Fact]
    public void The_lumpsum_includes_the_ventiel_and_is_indexed_once_from_y0()
    {
        Assert.Equal((104_960_000L, 105_960_003L), (Ltot.LumpsumCents, Ltot.TotalCents));
        Assert.Equal(493_828, Pgb.SettlementCents);
    }

    [Fact]
    public void Ltot_is_shared_by_days_held_and_the_last_holder_takes_the_remainder()
    {
        var shares = Shares();
        Assert.Equal([A, B], shares.Select(s => s.HoofdaanbiederId));
        Assert.Equal([(181, 365, 1, 6, 6), (184, 365, 7, 12, 6)], shares.Select(s => (s.Days, s.YearDays, s.FirstMonth, s.LastMonth, s.Months)));
        // A: 105,960,003 * 181 / 365 = 52,544,549.43… → 52,544,549.
        Assert.Equal(new Rational(105_960_003L * 181, 365), shares[0].LumpsumShareUnrounded);
        Assert.Equal(52_544_549, shares[0].LumpsumShareCents);
        // B: the remainder 105,960,003 - 52,544,549 = 53,415,454 (its own 184/365 would be 53,415,453.57).
        Assert.Equal(53_415_454, shares[1].LumpsumShareCents);
        Assert.Equal(Ltot.TotalCents, shares.Sum(s => s.LumpsumShareCents));
        Assert.Equal([false, true], shares.Select(s => s.IsLast));
        Assert.DoesNotContain(shares, s => s.IsWholeYear);
    }

    [Fact]
    public void The_pgb_settlement_is_split_the_same_way()
    {
        var shares = Shares();
        // 493,828 * 181 / 365 = 244,884.57 → 244,885; B the remainder 248,943.
        Assert.Equal((244_885L, 248_943L), (shares[0].PgbShareCents, shares[1].PgbShareCents));
        // A negative PGB (the lumpsum is reduced) is split too: -493,828 * 181 / 365 = -244,884.57 → -244,885.
        var negative = Shares(-493_828);
        Assert.Equal((-244_885L, -248_943L), (negative[0].PgbShareCents, negative[1].PgbShareCents));
    }

    [Fact]
    public void Each_holder_receives_its_share_over_its_own_months_with_the_remainder_in_its_last_month()
    {
        var shares = Shares();
        // A: floor(52,544,549 / 6) = 8,757,424 January-May, June 52,544,549 - 5 * 8,757,424 = 8,757,429.
        Assert.Equal([(1, 8_757_424L), (2, 8_757_424L), (3, 8_757_424L), (4, 8_757_424L), (5, 8_757_424L), (6, 8_757_429L)], shares[0].Advances);
        // B: floor(53,415,454 / 6) = 8,902,575 July-November, December 8,902,579.
        Assert.Equal(8_902_575, shares[1].AdvanceOf(7));
        Assert.Equal(8_902_579, shares[1].AdvanceOf(12));
        Assert.Equal(0, shares[1].AdvanceOf(6));
        Assert.Equal(53_415_454, shares[1].Advances.Sum(a => a.AmountCents));
        var area = AreaHandover.AreaAdvances(shares);
        Assert.Equal((8_757_429L, 8_902_575L), (area[5].AmountCents, area[6].AmountCents));
        Assert.Equal(Ltot.TotalCents, area.Sum(a => a.AmountCents));
    }

    [Fact]
    public void A_handover_that_is_not_on_the_first_of_a_month_or_overlaps_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AreaHandover.Split(2027, 1_000, 0,
            [new(A, ContractA, new DateOnly(2027, 1, 1), new DateOnly(2027, 7, 14)), new(B, ContractB, new DateOnly(2027, 7, 15), new DateOnly(2027, 12, 31))]));
        Assert.Throws<ArgumentException>(() => AreaHandover.Split(2027, 1_000, 0,
            [new(A, ContractA, new DateOnly(2027, 1, 1), new DateOnly(2027, 7, 31)), new(B, ContractB, new DateOnly(2027, 7, 1), new DateOnly(2027, 12, 31))]));
    }

    /// <summary>A's arrangements clipped to 1 January - 30 June; B's (Arr1 carried over as a new arrangement from 1 July) to 1 July - 31 December.</summary>
    private static Rational Allocated(HolderShare holder, DateOnly start, DateOnly? end, long volume, VolumeFrequency frequency) =>
        AllocatedVolume.InPeriod(new AllocationFacts(start, end, [new VolumeVersion(start, volume, frequency)]), new DateRange(holder.From, holder.To));

    [Fact]
    public void The_old_holder_is_reconciled_on_its_share_its_own_costs_and_its_clipped_allocations()
    {
        var a = Shares()[0];
        // Arr1: 420 min a week from 1 March, still running: 1 March - 30 June = 122 days * 60 = 7,320 min (122 h); delivered 100 h: 22 h short.
        var arr1 = Allocated(a, new DateOnly(2027, 3, 1), null, 420, VolumeFrequency.PerWeek);
        Assert.Equal(7_320, arr1);
        // Arr2: 3,600 min in total over 1 June - 30 July (60 days): June's 30 days = 1,800 min; delivered 1,500: 5 h short.
        var arr2 = Allocated(a, new DateOnly(2027, 6, 1), new DateOnly(2027, 7, 30), 3_600, VolumeFrequency.Total);
        Assert.Equal(1_800, arr2);
        var statements = SubcontractorCost.OfArea([SubcontractorStatement.Compute(SubA, 2027, 4,
            [new StatementEntry(1, Product.KortdurendVerblijf, Unit.Etmaal, 4_000_000, 3)])], 1, 2027);
        var result = Reconciliation.Compute(new ReconciliationInput(A, 1, 2027, Ltot, Pgb.Amount, statements, 38_000_000, 6_500,
            [new(Arr1, arr1, 6_000), new(Arr2, arr2, 1_500)], TargetAssessment.Assess(1, 10, 1_500), TargetAssessment.Assess(0, 0, 1_500),
            SanctionFraction: 0.01m, Holder: a));

        // R_A = 52,544,549 + 244,885 = 52,789,434; K = 12,000,000 + 38,000,000; W = 2,789,434.
        Assert.Equal((52_544_549L, 244_885L, 52_789_434L), (result.LumpsumTotalCents, result.PgbCents, result.RevenueCents));
        Assert.Equal((50_000_000L, 2_789_434L), (result.CostsCents, result.ResultCents));
        // A = round(0.03 * 52,789,434) = round(1,583,683.02) = 1,583,683.
        Assert.Equal(1_583_683, result.ProfitCapCents);
        // U = 22 + 5 = 27 h; M = 27 * 6,500 = 175,500 = Ms; E = 2,789,434 - 175,500 - 1,583,683 = 1,030,251.
        Assert.Equal(((Rational)27, 175_500L, 175_500L, 1_030_251L), (result.UnmetHours, result.ShortageCents, result.ReclaimedShortageCents, result.ExcessProfitCents));
        // Basis share 10 % < 15 % on 30 June: missed; sanction round(0.01 * 52,544,549) = round(525,445.49) = 525,445.
        Assert.Equal(525_445, result.SanctionsCents);
        Assert.Equal(175_500 + 1_030_251 + 525_445, result.PayBackCents);
        Assert.Same(a, result.Holder);
    }

    [Fact]
    public void The_new_holder_is_reconciled_on_the_remainder_and_its_own_months()
    {
        var b = Shares()[1];
        // Arr1 carried over from 1 July: 184 days * 60 = 11,040 min; delivered 10,000: 1,040 min = 17 1/3 h short.
        var carried = Allocated(b, new DateOnly(2027, 7, 1), null, 420, VolumeFrequency.PerWeek);
        Assert.Equal(11_040, carried);
        // Arr2's total volume, pro rata: July's 30 days of 60 = 1,800 min; all delivered.
        var arr2 = Allocated(b, new DateOnly(2027, 6, 1), new DateOnly(2027, 7, 30), 3_600, VolumeFrequency.Total);
        Assert.Equal(1_800, arr2);
        var result = Reconciliation.Compute(new ReconciliationInput(B, 1, 2027, Ltot, Pgb.Amount, [new SubcontractorCost(SubA, 9, 9_000_000)], 41_000_000, 6_500,
            [new(Arr1, carried, 10_000), new(Arr2, arr2, 1_800)], TargetAssessment.Assess(3, 10, 1_500), TargetAssessment.Assess(0, 3, 1_500),
            SanctionFraction: 0.01m, Holder: b));

        // R_B = 53,415,454 + 248,943 = 53,664,397; W = 3,664,397; A = round(1,609,931.91) = 1,609,932.
        Assert.Equal((53_664_397L, 3_664_397L, 1_609_932L), (result.RevenueCents, result.ResultCents, result.ProfitCapCents));
        // M = round(52/3 * 6,500) = round(112,666.67) = 112,667; E = 3,664,397 - 112,667 - 1,609,932 = 1,941,798.
        Assert.Equal((new Rational(52, 3), 112_667L, 1_941_798L), (result.UnmetHours, result.ShortageCents, result.ExcessProfitCents));
        // Basis met on 31 December (30 %); initiative 0 of 3 missed: round(0.01 * 53,415,454) = round(534,154.54) = 534,155.
        Assert.Equal(534_155, result.SanctionsCents);
        Assert.Equal(112_667 + 1_941_798 + 534_155, result.PayBackCents);
    }

    [Fact]
    public void A_share_of_another_hoofdaanbieder_is_refused() =>
        Assert.Throws<ArgumentException>(() => Reconciliation.Compute(new ReconciliationInput(A, 1, 2027, Ltot, Pgb.Amount, [], 0, 6_500, [],
            TargetAssessment.Assess(0, 0, 1_500), TargetAssessment.Assess(0, 0, 1_500), Holder: Shares()[1])));

    [Fact]
    public void A_handover_on_1_january_gives_each_holder_whole_years_and_the_new_holder_y0_the_year_before()
    {
        HolderPeriod[] periods =
        [
            new(A, ContractA, new DateOnly(2027, 1, 1), new DateOnly(2030, 12, 31)),
            new(B, ContractB, new DateOnly(2031, 1, 1), new DateOnly(2034, 12, 31)),
        ];
        var in2030 = Assert.Single(AreaHandover.Split(2030, 120_000_005, 7, periods));
        Assert.Equal((A, true, 365, 120_000_005L, 7L), (in2030.HoofdaanbiederId, in2030.IsWholeYear, in2030.Days, in2030.LumpsumShareCents, in2030.PgbShareCents));
        // §1's twelve advances: 10,000,000 January-November, December 10,000,005.
        Assert.Equal((1, 12, 10_000_000L, 10_000_005L), (in2030.FirstMonth, in2030.LastMonth, in2030.AdvanceOf(1), in2030.AdvanceOf(12)));
        Assert.Equal(B, Assert.Single(AreaHandover.Split(2031, 1, 0, periods)).HoofdaanbiederId);

        // A's chain from y0 = 2026: 2027 +4.96 %, 2028 +3 %, 2029 +2 %, 2030 +2.5 %.
        YearIndex[] indices = [new(2027, 0.0496m, null), new(2028, 0.03m, null), new(2029, 0.02m, null), new(2030, 0.025m, null), new(2031, 0.01m, null)];
        var old = Lumpsum.Compute(new LumpsumInput(1, 2026, 100_000_000, indices, []), 2030);
        // 104,960,000 → 108,108,800 → 110,270,976 → 113,027,750.4 → 113,027,750.
        Assert.Equal(113_027_750, old.LumpsumCents);
        // B's contract starts in 2031: y0 = 2030, its base is the 2030 budget, indexed once for 2031 (no 2030 index again).
        var y0 = BaseLumpsum.DefaultBaseYear(2031);
        Assert.Equal(2030, y0);
        var next = Lumpsum.Compute(new LumpsumInput(1, y0, old.LumpsumCents, indices, []), 2031);
        // 113,027,750 * 1.01 = 114,158,027.5 → 114,158,028, the same as the area's chain running on.
        Assert.Equal((114_158_028L, 1), (next.LumpsumCents, next.Chain.Count));
        Assert.Equal(Lumpsum.Compute(new LumpsumInput(1, 2026, 100_000_000, indices, []), 2031).LumpsumCents, next.LumpsumCents);
    }

    private static BudgetPositionInput Position(HolderShare holder, int month, params BudgetPositionMonth[] months) =>
        new(1, 2027, month, Ltot, months, months.Count(m => m.Complete), new ReferenceRates(6_000, 0, 0), 493_828, false, holder);

    [Fact]
    public void The_new_holder_has_no_budget_position_before_its_first_held_month()
    {
        var ex = Assert.Throws<InvalidStateException>(() => BudgetPosition.Compute(Position(Shares()[1], 6)));
        Assert.Equal(ErrorReasons.HoldingNotStarted, ex.Reason);
    }

    [Fact]
    public void A_partial_holder_s_position_takes_its_own_advances_and_projects_over_its_held_months()
    {
        var b = Shares()[1];
        var p = BudgetPosition.Compute(Position(b, 10,
            new(7, 1_000_000, 0, 0, 0, true), new(8, 1_100_000, 61, 0, 0, true), new(9, 1_200_001, 0, 0, 0, true), new(10, 500_000, 0, 0, 0, false)));
        // July-October: 4 * 8,902,575 = 35,610,300.
        Assert.Equal(35_610_300, p.AdvancesToDateCents);
        // 61 min at 6,000 ct/h = 6,100; costs to date 3,800,001 + 6,100 = 3,806,101; balance 31,804,199.
        Assert.Equal((3_806_101L, 31_804_199L), (p.CostsToDateCents, p.BalanceToDateCents));
        // K = July-September: 3,306,101 * 6 / 3 = 6,612,202; result 53,415,454 + 248,943 - 6,612,202 = 47,052,195.
        Assert.Equal([7, 8, 9], p.CompleteMonths);
        Assert.Equal((6_612_202L, 47_052_195L), (p.ProjectedCostsYearEndCents, p.ProjectedResultYearEndCents));
    }

    [Fact]
    public void The_old_holder_s_position_after_the_handover_stops_at_its_last_held_month()
    {
        var a = Shares()[0];
        var p = BudgetPosition.Compute(Position(a, 9, [.. Enumerable.Range(1, 6).Select(m => new BudgetPositionMonth(m, 1_000_000, 0, 0, 0, true))]));
        Assert.Equal(52_544_549, p.AdvancesToDateCents);
        // 6,000,000 * 6 / 6: the projection is its six months' costs; result 52,544,549 + 244,885 - 6,000,000.
        Assert.Equal((6_000_000L, 46_789_434L), (p.ProjectedCostsYearEndCents, p.ProjectedResultYearEndCents));
        Assert.Throws<ArgumentException>(() => BudgetPosition.Compute(Position(a, 9, new BudgetPositionMonth(7, 1, 0, 0, 0, true))));
    }
}
