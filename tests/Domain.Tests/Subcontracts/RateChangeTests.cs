using GonPortal.Domain.Common;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Settlements;
using GonPortal.Domain.Subcontracts;

namespace GonPortal.Domain.Tests.Subcontracts;

/// <summary>Effective-dated subcontract rates (settlement-rules.md 1.1 §3), worked by hand.</summary>
public class RateChangeTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Provider Onderaannemer = Provider.Register(Guid.NewGuid(), "Buurtwerk", ProviderKind.Onderaannemer, "81234561", null, Now);

    private static Subcontract Consented(params (Product?, Unit?, long)[] rates)
    {
        var proposal = new SubcontractProposal(Guid.NewGuid(), Onderaannemer, [1],
            rates.Length == 0 ? [(Product.Begeleiding, Unit.Hour, 6_000)] : rates,
            new DateOnly(2027, 1, 1), null, new HashSet<int> { 1 });
        var s = Subcontract.Propose(Guid.NewGuid(), proposal, "ha", Now);
        s.Consent("gemeente", null, Now);
        return s;
    }

    private static RateChangeRequest Change(long cents, int year, int month, int day, Product product = Product.Begeleiding, Unit unit = Unit.Hour) =>
        new(product, unit, cents, new DateOnly(year, month, day), "Heronderhandeld tarief");

    private static IReadOnlyList<string> FieldsOf(Action act) =>
        Assert.Throws<DomainValidationException>(act).Violations.Select(v => v.Field).ToList();

    [Fact]
    public void A_proposal_gives_each_rate_one_open_period_from_the_first_day()
    {
        var rate = Assert.Single(Consented().Rates);
        Assert.Equal((6_000L, new DateOnly(2027, 1, 1), (DateOnly?)null), (rate.RateCents, rate.ValidFrom, rate.ValidTo));
    }

    [Fact]
    public void A_change_on_the_15th_closes_the_old_period_on_the_14th_and_the_month_gets_two_lines()
    {
        var s = Consented();
        Assert.True(s.ChangeRate(Change(6_300, 2027, 3, 15), "ha-2", "Piet Planner", Now));

        Assert.Equal(
            [(6_000L, new DateOnly(2027, 1, 1), (DateOnly?)new DateOnly(2027, 3, 14)), (6_300L, new DateOnly(2027, 3, 15), null)],
            s.Rates.Select(r => (r.RateCents, r.ValidFrom, r.ValidTo)));
        var history = Assert.Single(s.RateChanges);
        Assert.Equal((6_000L, (long?)6_300L, "ha-2", "Piet Planner", "Heronderhandeld tarief"),
            (history.OldRateCents ?? 0, (long?)history.NewRateCents, history.ChangedBy, history.ChangedByName, history.Reason));

        // 14 March 90 min at the old rate, 15 March 60 min and 20 March 30 min at the new one:
        // 6,000 * 90 / 60 = 9,000; 6,300 * (60 + 30) / 60 = 9,450; total 18,450.
        var (entries, counts) = StatementRating.Rate(s.Rates,
        [
            new DatedStatementEntry(1, Product.Begeleiding, Unit.Hour, new DateOnly(2027, 3, 14), 90, 1),
            new DatedStatementEntry(1, Product.Begeleiding, Unit.Hour, new DateOnly(2027, 3, 15), 60, 1),
            new DatedStatementEntry(1, Product.Begeleiding, Unit.Hour, new DateOnly(2027, 3, 20), 30, 2),
        ]);
        var statement = SubcontractorStatement.Compute(s.Id, 2027, 3, entries);
        Assert.Equal([(6_000L, 90L, 9_000L), (6_300L, 90L, 9_450L)], statement.Lines.Select(l => (l.RateCents, l.Quantity, l.AmountCents)));
        Assert.Equal(18_450, statement.TotalCents);
        Assert.Equal(1, counts[(1, Product.Begeleiding, Unit.Hour, 6_000)]);
        Assert.Equal(3, counts[(1, Product.Begeleiding, Unit.Hour, 6_300)]);
    }

    [Fact]
    public void Indexation_on_1_January_prices_31_December_at_the_old_rate_and_1_January_at_the_new()
    {
        var s = Consented();
        // 6,000 * 1.0312 = 6,187.2 -> 6,187 cents from 2028.
        s.ChangeRate(Change(6_187, 2028, 1, 1) with { Reason = "Indexatie 2028" }, "ha", "", Now);
        Assert.Equal(6_000, s.RateOn(Product.Begeleiding, Unit.Hour, new DateOnly(2027, 12, 31))!.RateCents);
        Assert.Equal(6_187, s.RateOn(Product.Begeleiding, Unit.Hour, new DateOnly(2028, 1, 1))!.RateCents);
        Assert.Equal(new DateOnly(2027, 12, 31), s.Rates[0].ValidTo);
        // Two indexations in a row: the second closes the first on 31 December 2028.
        s.ChangeRate(Change(6_373, 2029, 1, 1), "ha", "", Now);
        Assert.Equal([6_000L, 6_187L, 6_373L], s.Rates.Select(r => r.RateCents));
        Assert.Equal(new DateOnly(2028, 12, 31), s.Rates[1].ValidTo);
        Assert.Equal([(long?)6_000, 6_187], s.RateChanges.Select(c => c.OldRateCents));
    }

    [Fact]
    public void An_entry_on_a_date_without_a_rate_names_the_date()
    {
        // Dagbesteding by the hour from the start; per dagdeel only from 1 June.
        var s = Consented((Product.Dagbesteding, Unit.Hour, 5_000));
        s.ChangeRate(Change(4_200, 2027, 6, 1, Product.Dagbesteding, Unit.Dagdeel), "ha", "", Now);
        Assert.Null(s.RateChanges[0].OldRateCents);
        Assert.Null(s.RateOn(Product.Dagbesteding, Unit.Dagdeel, new DateOnly(2027, 5, 31)));

        var refused = Assert.Throws<InvalidStateException>(() =>
            RateLookup.Require(s.Rates, Product.Dagbesteding, Unit.Dagdeel, new DateOnly(2027, 5, 31)));
        Assert.Contains("2027-05-31", refused.Message, StringComparison.Ordinal);
        var statement = Assert.Throws<InvalidStateException>(() => StatementRating.Rate(s.Rates,
            [new DatedStatementEntry(1, Product.Dagbesteding, Unit.Dagdeel, new DateOnly(2027, 5, 31), 2, 1)]));
        Assert.Contains("2027-05-31", statement.Message, StringComparison.Ordinal);
        Assert.Equal(4_200, RateLookup.Require(s.Rates, Product.Dagbesteding, Unit.Dagdeel, new DateOnly(2027, 6, 1)).RateCents);
    }

    [Fact]
    public void A_change_on_or_before_the_latest_period_start_would_overlap_and_is_refused()
    {
        var s = Consented();
        s.ChangeRate(Change(6_300, 2027, 3, 15), "ha", "", Now);
        Assert.Equal(["effective_from"], FieldsOf(() => s.ChangeRate(Change(6_400, 2027, 3, 15), "ha", "", Now)));
        Assert.Equal(["effective_from"], FieldsOf(() => s.ChangeRate(Change(6_400, 2027, 2, 1), "ha", "", Now)));
        Assert.Equal(["effective_from"], FieldsOf(() => s.ChangeRate(Change(6_400, 2026, 12, 31), "ha", "", Now)));
        Assert.Equal(2, s.Rates.Count);
        Assert.Single(s.RateChanges);
    }

    [Fact]
    public void Bad_fields_are_all_reported_and_nothing_changes()
    {
        var s = Consented();
        Assert.Equal(["product", "rate_cents", "reason", "effective_from"],
            FieldsOf(() => s.ChangeRate(new RateChangeRequest(Product.KortdurendVerblijf, Unit.Etmaal, 0, null, " "), "ha", "", Now)));
        Assert.Equal(["unit"], FieldsOf(() => s.ChangeRate(Change(6_300, 2027, 4, 1, Product.Begeleiding, Unit.Dagdeel), "ha", "", Now)));
        Assert.Equal(["rate_cents"], FieldsOf(() => s.ChangeRate(Change(6_000, 2027, 4, 1), "ha", "", Now)));
        Assert.Single(s.Rates);
        Assert.Empty(s.RateChanges);
    }

    [Fact]
    public void The_same_change_again_changes_nothing_and_a_proposed_subcontract_cannot_change()
    {
        var s = Consented();
        Assert.True(s.ChangeRate(Change(6_300, 2027, 3, 15), "ha", "", Now));
        Assert.False(s.ChangeRate(Change(6_300, 2027, 3, 15), "ha", "", Now));
        Assert.Single(s.RateChanges);

        var proposal = new SubcontractProposal(Guid.NewGuid(), Onderaannemer, [1], [(Product.Begeleiding, Unit.Hour, 6_000)],
            new DateOnly(2027, 1, 1), null, new HashSet<int> { 1 });
        var proposed = Subcontract.Propose(Guid.NewGuid(), proposal, "ha", Now);
        Assert.Throws<InvalidStateException>(() => proposed.ChangeRate(Change(6_300, 2027, 3, 15), "ha", "", Now));
    }
}
