using GonPortal.Domain.Common;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Subcontracts;

namespace GonPortal.Domain.Tests;

public class SubcontractTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Hoofdaanbieder = Guid.NewGuid();
    private static readonly Provider Onderaannemer = Provider.Register(Guid.NewGuid(), "Buurtwerk", ProviderKind.Onderaannemer, "81234561", null, Now);
    private static readonly Provider OtherHoofdaanbieder = Provider.Register(Guid.NewGuid(), "Andere HA", ProviderKind.Hoofdaanbieder, "71234569", null, Now);

    private static SubcontractProposal Proposal(
        Provider? onderaannemer = null,
        int[]? areas = null,
        (Product?, Unit?, long)[]? rates = null,
        DateOnly? from = null,
        DateOnly? to = null,
        int[]? held = null,
        bool noFrom = false) =>
        new(Hoofdaanbieder,
            onderaannemer ?? Onderaannemer,
            areas ?? [1],
            rates ?? [(Product.Begeleiding, Unit.Hour, 6_450)],
            noFrom ? null : from ?? new DateOnly(2027, 1, 1),
            to,
            (held ?? [1, 2]).ToHashSet());

    private static Subcontract Proposed() => Subcontract.Propose(Guid.NewGuid(), Proposal(), "ha-user", Now);

    private static IReadOnlyList<string> FieldsOf(Action act) =>
        Assert.Throws<DomainValidationException>(act).Violations.Select(v => v.Field).ToList();

    [Fact]
    public void A_valid_proposal_starts_proposed_and_records_who_proposed()
    {
        var s = Proposed();
        Assert.Equal(SubcontractState.Proposed, s.State);
        Assert.Equal(Hoofdaanbieder, s.TenantId);
        Assert.Equal("ha-user", s.ProposedBy);
        Assert.False(s.IsInEffectOn(new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void Proposal_needs_an_existing_onderaannemer() =>
        Assert.Equal(["onderaannemer_id"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal() with { Onderaannemer = null }, "u", Now)));

    [Fact]
    public void A_hoofdaanbieder_cannot_be_contracted_as_onderaannemer() =>
        Assert.Equal(["onderaannemer_id"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(onderaannemer: OtherHoofdaanbieder), "u", Now)));

    [Fact]
    public void A_hoofdaanbieder_cannot_subcontract_to_itself()
    {
        var self = Provider.Register(Hoofdaanbieder, "Zelf", ProviderKind.Onderaannemer, "81234560", null, Now);
        Assert.Equal(["onderaannemer_id"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(onderaannemer: self), "u", Now)));
    }

    [Fact]
    public void Areas_are_required() =>
        Assert.Equal(["area_ids"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(areas: []), "u", Now)));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Unknown_areas_are_refused(int area) =>
        Assert.Equal(["area_ids[0]"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(areas: [area]), "u", Now)));

    [Fact]
    public void An_area_twice_is_refused() =>
        Assert.Equal(["area_ids[1]"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(areas: [1, 1]), "u", Now)));

    [Fact]
    public void An_area_the_hoofdaanbieder_does_not_hold_is_refused() =>
        Assert.Equal(["area_ids[1]"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(areas: [1, 3]), "u", Now)));

    [Fact]
    public void Rates_are_required() =>
        Assert.Equal(["rates"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(rates: []), "u", Now)));

    [Fact]
    public void A_unit_not_allowed_for_the_product_is_refused() =>
        Assert.Equal(["rates[0].unit"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(rates: [(Product.KortdurendVerblijf, Unit.Hour, 100)]), "u", Now)));

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(100_000_001L)]
    public void Rates_outside_bounds_are_refused(long cents) =>
        Assert.Equal(["rates[0].rate_cents"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(rates: [(Product.Begeleiding, Unit.Hour, cents)]), "u", Now)));

    [Fact]
    public void Missing_product_and_unit_are_both_reported() =>
        Assert.Equal(["rates[0].product", "rates[0].unit"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(rates: [(null, null, 100)]), "u", Now)));

    [Fact]
    public void Two_rates_for_the_same_product_and_unit_are_refused() =>
        Assert.Equal(["rates[1]"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(),
            Proposal(rates: [(Product.Begeleiding, Unit.Hour, 100), (Product.Begeleiding, Unit.Hour, 200)]), "u", Now)));

    [Fact]
    public void Valid_from_is_required() =>
        Assert.Contains("valid_from", FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(noFrom: true), "u", Now)));

    [Fact]
    public void Valid_to_before_valid_from_is_refused() =>
        Assert.Equal(["valid_to"], FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(to: new DateOnly(2026, 12, 31)), "u", Now)));

    [Fact]
    public void Every_broken_field_is_reported_at_once()
    {
        var fields = FieldsOf(() => Subcontract.Propose(Guid.NewGuid(), Proposal(areas: [], rates: [], to: new DateOnly(2020, 1, 1)) with { Onderaannemer = null }, "u", Now));
        Assert.Equal(["onderaannemer_id", "area_ids", "rates", "valid_to"], fields);
    }

    [Fact]
    public void Consent_puts_it_in_effect_within_validity()
    {
        var s = Proposed();
        s.Consent("gemeente-user", "BRF-1", Now);
        Assert.Equal(SubcontractState.Consented, s.State);
        Assert.Equal("gemeente-user", s.DecidedBy);
        Assert.Equal("BRF-1", s.ConsentReference);
        Assert.True(s.IsInEffectOn(new DateOnly(2027, 1, 1)));
        Assert.False(s.IsInEffectOn(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Consenting_twice_is_a_wrong_state()
    {
        var s = Proposed();
        s.Consent("g", null, Now);
        var e = Assert.Throws<InvalidStateException>(() => s.Consent("g", null, Now));
        Assert.Contains("Consented", e.Message);
    }

    [Fact]
    public void Refusal_needs_a_reason() =>
        Assert.Equal(["reason"], FieldsOf(() => Proposed().Refuse("g", " ", Now)));

    [Fact]
    public void Refusal_records_the_reason_and_is_final()
    {
        var s = Proposed();
        s.Refuse("g", "Geen KvK-uittreksel ontvangen", Now);
        Assert.Equal(SubcontractState.Refused, s.State);
        Assert.Equal("Geen KvK-uittreksel ontvangen", s.RefusalReason);
        Assert.Throws<InvalidStateException>(() => s.Consent("g", null, Now));
    }

    [Fact]
    public void A_consented_subcontract_cannot_be_refused()
    {
        var s = Proposed();
        s.Consent("g", null, Now);
        Assert.Throws<InvalidStateException>(() => s.Refuse("g", "te laat", Now));
    }

    [Fact]
    public void Ending_requires_consent_first()
    {
        var e = Assert.Throws<InvalidStateException>(() => Proposed().End("h", new DateOnly(2027, 6, 30), "klaar", Now));
        Assert.Contains("Proposed", e.Message);
    }

    [Fact]
    public void Ending_sets_the_last_valid_day()
    {
        var s = Proposed();
        s.Consent("g", null, Now);
        s.End("h", new DateOnly(2027, 6, 30), "Zorg overgenomen", Now);
        Assert.Equal(SubcontractState.Ended, s.State);
        Assert.Equal(new DateOnly(2027, 6, 30), s.ValidTo);
        Assert.True(s.IsInEffectOn(new DateOnly(2027, 6, 30)));
        Assert.False(s.IsInEffectOn(new DateOnly(2027, 7, 1)));
    }

    [Fact]
    public void Ending_an_ended_subcontract_is_a_wrong_state()
    {
        var s = Proposed();
        s.Consent("g", null, Now);
        s.End("h", new DateOnly(2027, 6, 30), "klaar", Now);
        Assert.Throws<InvalidStateException>(() => s.End("h", new DateOnly(2027, 5, 30), "nogmaals", Now));
    }

    [Fact]
    public void End_date_before_valid_from_is_refused()
    {
        var s = Proposed();
        s.Consent("g", null, Now);
        Assert.Equal(["end_date"], FieldsOf(() => s.End("h", new DateOnly(2026, 12, 1), "klaar", Now)));
        Assert.Equal(SubcontractState.Consented, s.State);
    }

    [Fact]
    public void End_date_after_valid_to_is_refused()
    {
        var s = Subcontract.Propose(Guid.NewGuid(), Proposal(to: new DateOnly(2027, 12, 31)), "u", Now);
        s.Consent("g", null, Now);
        Assert.Equal(["end_date"], FieldsOf(() => s.End("h", new DateOnly(2028, 1, 1), "klaar", Now)));
    }

    [Fact]
    public void End_needs_date_and_reason() =>
        Assert.Equal(["reason", "end_date"], FieldsOf(() => Proposed().End("h", null, "", Now)));

    [Fact]
    public void Withdrawing_is_only_possible_before_a_decision()
    {
        var s = Proposed();
        s.Withdraw("h", "vergissing", Now);
        Assert.Equal(SubcontractState.Withdrawn, s.State);
        Assert.Throws<InvalidStateException>(() => s.Consent("g", null, Now));
        Assert.Throws<InvalidStateException>(() => s.Withdraw("h", null, Now));
    }
}
