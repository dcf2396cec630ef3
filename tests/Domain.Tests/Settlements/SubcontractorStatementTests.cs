using GonPortal.Domain.Reference;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;

namespace GonPortal.Domain.Tests.Settlements;

public class SubcontractorStatementTests
{
    private static readonly Guid SubcontractId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    [Fact]
    public void Minutes_are_summed_per_group_before_rounding_once()
    {
        // 3 x 20 minutes at 5,000 cents/hour. Per entry: 5,000 * 20 / 60 = 1,666.67 -> 1,667, x 3 = 5,001.
        // Summed first: 5,000 * 60 / 60 = 5,000.
        var entries = Enumerable.Repeat(new StatementEntry(1, Product.Begeleiding, Unit.Hour, 5_000, 20), 3);
        var r = SubcontractorStatement.Compute(SubcontractId, 2028, 3, entries);
        var line = Assert.Single(r.Lines);
        Assert.Equal(60, line.Quantity);
        Assert.Equal(3, line.EntryCount);
        Assert.Equal(5_000, line.Unrounded);
        Assert.Equal(5_000, line.AmountCents);
        Assert.Equal(5_000, r.TotalCents);
        Assert.Equal("1.1", r.RulesVersion);
        Assert.Equal((SubcontractId, 2028, 3), (r.SubcontractId, r.Year, r.Month));
    }

    [Fact]
    public void An_hour_amount_on_half_a_cent_rounds_away_from_zero()
    {
        // 6,003 * 10 / 60 = 60,030 / 60 = 1,000.5 -> 1,001
        var r = SubcontractorStatement.Compute(SubcontractId, 2028, 1, [new StatementEntry(1, Product.Begeleiding, Unit.Hour, 6_003, 10)]);
        Assert.Equal(new Rational(2_001, 2), r.Lines[0].Unrounded);
        Assert.Equal(1_001, r.TotalCents);
    }

    [Fact]
    public void Lines_are_grouped_by_area_product_unit_and_rate()
    {
        StatementEntry[] entries =
        [
            new(2, Product.Begeleiding, Unit.Hour, 6_000, 60),
            new(1, Product.Begeleiding, Unit.Hour, 6_000, 30),
            new(1, Product.Dagbesteding, Unit.Dagdeel, 4_500, 2),
            new(1, Product.Begeleiding, Unit.Hour, 6_300, 30), // new rate in force later in the month
            new(1, Product.KortdurendVerblijf, Unit.Etmaal, 15_000, 2),
            new(1, Product.Begeleiding, Unit.Hour, 6_000, 45),
            new(1, Product.Dagbesteding, Unit.Dagdeel, 4_500, 1),
        ];
        var r = SubcontractorStatement.Compute(SubcontractId, 2028, 5, entries);

        // (1, begeleiding, hour, 6,000): 75 min -> 6,000 * 75 / 60 = 7,500
        // (1, begeleiding, hour, 6,300): 30 min -> 3,150
        // (1, dagbesteding, dagdeel, 4,500): 3 -> 13,500
        // (1, kortdurend verblijf, etmaal, 15,000): 2 -> 30,000
        // (2, begeleiding, hour, 6,000): 60 min -> 6,000
        // total = 7,500 + 3,150 + 13,500 + 30,000 + 6,000 = 60,150
        Assert.Equal(
            [
                (1, Product.Begeleiding, Unit.Hour, 6_000L, 75L, 7_500L),
                (1, Product.Begeleiding, Unit.Hour, 6_300L, 30L, 3_150L),
                (1, Product.Dagbesteding, Unit.Dagdeel, 4_500L, 3L, 13_500L),
                (1, Product.KortdurendVerblijf, Unit.Etmaal, 15_000L, 2L, 30_000L),
                (2, Product.Begeleiding, Unit.Hour, 6_000L, 60L, 6_000L),
            ],
            r.Lines.Select(l => (l.AreaId, l.Product, l.Unit, l.RateCents, l.Quantity, l.AmountCents)));
        Assert.Equal(60_150, r.TotalCents);
    }

    [Fact]
    public void A_reversal_subtracts_before_rounding()
    {
        // 90 - 30 = 60 minutes at 4,999 -> 4,999
        var r = SubcontractorStatement.Compute(SubcontractId, 2028, 2,
            [new StatementEntry(1, Product.Begeleiding, Unit.Hour, 4_999, 90), new StatementEntry(1, Product.Begeleiding, Unit.Hour, 4_999, -30)]);
        Assert.Equal(4_999, r.TotalCents);
    }

    [Fact]
    public void A_month_without_entries_gives_an_empty_statement()
    {
        var r = SubcontractorStatement.Compute(SubcontractId, 2028, 12, []);
        Assert.Empty(r.Lines);
        Assert.Equal(0, r.TotalCents);
    }

    [Fact]
    public void A_bad_month_or_negative_rate_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SubcontractorStatement.Compute(SubcontractId, 2028, 13, []));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SubcontractorStatement.Compute(SubcontractId, 2028, 1, [new StatementEntry(1, Product.Begeleiding, Unit.Hour, -1, 60)]));
    }
}
