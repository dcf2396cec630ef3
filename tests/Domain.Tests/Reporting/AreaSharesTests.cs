using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Tests.Reporting;

public class AreaSharesTests
{
    private static readonly DateOnly YearEnd = new(2027, 12, 31);
    private static readonly DateOnly LongAgo = new(2027, 1, 1);

    private static ShareArrangementFacts Basis(Guid client, int area = 1, bool initiative = false, DateOnly? start = null, DateOnly? end = null) =>
        new(client, area, true, initiative, start ?? LongAgo, end);

    private static ShareArrangementFacts Aanvullend(Guid client, int area = 1, DateOnly? start = null, DateOnly? end = null) =>
        new(client, area, false, false, start ?? LongAgo, end);

    private static AreaShareResult Compute(params ShareArrangementFacts[] facts) => AreaShares.Compute(facts, 1, YearEnd, 1500, 1500);

    [Fact]
    public void Worked_example_at_year_end()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid(), e = Guid.NewGuid(),
             f = Guid.NewGuid(), g = Guid.NewGuid(), h = Guid.NewGuid();
        var result = Compute(
            Basis(a),                                    // basis client
            Aanvullend(b),                               // client, not basis
            Basis(c), Aanvullend(c),                     // client, not basis: has an active aanvullend one
            Basis(d, initiative: true),                  // basis client via initiative
            Basis(e, area: 2),                           // other area: not counted
            Basis(f, end: new DateOnly(2027, 12, 30)),   // ended the day before: not counted
            Basis(g, start: new DateOnly(2028, 1, 1)),   // starts later: not counted
            Basis(h, end: YearEnd));                     // ends on the date: still active

        // Clients a, b, c, d, h = 5; basis a, d, h = 3 -> 3/5 = 0.6; initiative d -> 1/3.
        Assert.Equal((3, 5, TargetStatus.Met), (result.BasisShare.Numerator, result.BasisShare.Denominator, result.BasisShare.Status));
        Assert.Equal(6000, result.BasisShare.ShareBp);
        Assert.Equal((1, 3, TargetStatus.Met), (result.InitiativeShare.Numerator, result.InitiativeShare.Denominator, result.InitiativeShare.Status));
        Assert.Equal("0.3333", result.InitiativeShare.ShareRounded);
        Assert.True(result.IsYearEnd);
    }

    [Fact]
    public void A_client_with_two_basis_arrangements_counts_once()
    {
        var a = Guid.NewGuid();
        var result = Compute(Basis(a), Basis(a, initiative: true), Aanvullend(Guid.NewGuid()));
        Assert.Equal((1, 2), (result.BasisShare.Numerator, result.BasisShare.Denominator));
        Assert.Equal((1, 1), (result.InitiativeShare.Numerator, result.InitiativeShare.Denominator));
    }

    [Fact]
    public void An_initiative_client_with_an_active_aanvullend_arrangement_is_neither_basis_nor_initiative()
    {
        var a = Guid.NewGuid();
        var result = Compute(Basis(a, initiative: true), Aanvullend(a));
        Assert.Equal((0, 1, TargetStatus.Missed), (result.BasisShare.Numerator, result.BasisShare.Denominator, result.BasisShare.Status));
        Assert.Equal(TargetStatus.NotAssessed, result.InitiativeShare.Status);
    }

    [Fact]
    public void An_ended_aanvullend_arrangement_no_longer_blocks_basis()
    {
        var a = Guid.NewGuid();
        var result = Compute(Basis(a), Aanvullend(a, end: new DateOnly(2027, 6, 30)));
        Assert.Equal((1, 1), (result.BasisShare.Numerator, result.BasisShare.Denominator));
    }

    [Fact]
    public void No_clients_means_both_shares_are_not_assessed()
    {
        var result = Compute();
        Assert.Equal(TargetStatus.NotAssessed, result.BasisShare.Status);
        Assert.Equal(TargetStatus.NotAssessed, result.InitiativeShare.Status);
        Assert.Equal(0, result.BasisShare.Denominator);
    }

    [Fact]
    public void Exactly_15_percent_basis_meets_the_2027_target()
    {
        var facts = Enumerable.Range(0, 20).Select(i => i < 3 ? Basis(Guid.NewGuid()) : Aanvullend(Guid.NewGuid())).ToArray();
        var result = Compute(facts);
        Assert.Equal((3, 20, 1500, TargetStatus.Met),
            (result.BasisShare.Numerator, result.BasisShare.Denominator, result.BasisShare.ShareBp, result.BasisShare.Status));
    }

    [Fact]
    public void One_client_less_misses_it()
    {
        var facts = Enumerable.Range(0, 21).Select(i => i < 3 ? Basis(Guid.NewGuid()) : Aanvullend(Guid.NewGuid())).ToArray();
        Assert.Equal(TargetStatus.Missed, Compute(facts).BasisShare.Status); // 3/21 = 14.29 %
    }

    [Fact]
    public void The_start_date_itself_is_active()
    {
        var result = Compute(Basis(Guid.NewGuid(), start: YearEnd));
        Assert.Equal(1, result.BasisShare.Denominator);
    }

    [Fact]
    public void Each_share_has_its_own_target()
    {
        var a = Guid.NewGuid();
        var result = AreaShares.Compute([Basis(a, initiative: true), Aanvullend(Guid.NewGuid())], 1, YearEnd, 7000, 1500);
        Assert.Equal((5000, TargetStatus.Missed), (result.BasisShare.ShareBp, result.BasisShare.Status));
        Assert.Equal((7000, 1500), (result.BasisShare.TargetBp, result.InitiativeShare.TargetBp));
        Assert.Equal(TargetStatus.Met, result.InitiativeShare.Status);
    }

    [Fact]
    public void A_date_other_than_31_December_is_not_year_end() =>
        Assert.False(AreaShares.Compute([], 1, new DateOnly(2027, 6, 30), 1500, 1500).IsYearEnd);
}
