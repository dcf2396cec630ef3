using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Referrals;

namespace GonPortal.Domain.Tests.Clients;

public class ReferralTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Wij = Guid.NewGuid();
    private static readonly Guid Ha = Guid.NewGuid();

    private static Referral Create(IReadOnlyList<string>? goals = null, IReadOnlyList<Product?>? products = null, string? team = "WIJ Selwerd", string? note = null) =>
        Referral.Create(Guid.NewGuid(), Wij, Guid.NewGuid(), 2, Ha, team, goals ?? ["Houdt een dagstructuur aan"], products ?? [Product.Begeleiding], true, note, "wij-user", Now);

    private static IReadOnlyList<string> FieldsOf(Action act) =>
        Assert.Throws<DomainValidationException>(act).Violations.Select(v => v.Field).ToList();

    [Fact]
    public void A_referral_starts_referred_owned_by_wij_and_addressed_to_the_hoofdaanbieder()
    {
        var r = Create(goals: ["Eerste doel", "Tweede doel"]);
        Assert.Equal(ReferralState.Referred, r.State);
        Assert.Equal(Wij, r.TenantId);
        Assert.Equal(Ha, r.HoofdaanbiederId);
        Assert.Equal(["Eerste doel", "Tweede doel"], r.Goals.Select(g => g.Description));
        Assert.Equal(2, r.Goals.Select(g => g.Id).Distinct().Count());
    }

    [Fact]
    public void At_least_one_goal_is_required() => Assert.Equal(["goals"], FieldsOf(() => Create(goals: [])));

    [Fact]
    public void At_most_twenty_goals() => Assert.Equal(["goals"], FieldsOf(() => Create(goals: Enumerable.Repeat("Een doel", 21).ToList())));

    [Fact]
    public void Each_goal_is_three_to_a_thousand_characters() =>
        Assert.Equal(["goals[1]", "goals[2]"], FieldsOf(() => Create(goals: ["Goed doel", "ok", new string('x', 1001)])));

    [Fact]
    public void Indicated_products_must_be_known_and_unique() =>
        Assert.Equal(["indicated_products[0]", "indicated_products[2]"], FieldsOf(() => Create(products: [null, Product.Dagbesteding, Product.Dagbesteding])));

    [Fact]
    public void Indicated_products_may_be_empty() => Assert.Empty(Create(products: []).IndicatedProducts);

    [Fact]
    public void Team_and_note_are_bounded() =>
        Assert.Equal(["wij_team", "note"], FieldsOf(() => Create(team: new string('t', 101), note: new string('n', 4001))));

    [Fact]
    public void Accepting_records_who_and_when()
    {
        var r = Create();
        Assert.True(r.Accept("ha-user", Now.AddHours(1)));
        Assert.Equal(ReferralState.Accepted, r.State);
        Assert.Equal("ha-user", r.AcceptedBy);
        Assert.Equal(Now.AddHours(1), r.AcceptedAt);
    }

    [Fact]
    public void Accepting_twice_changes_nothing()
    {
        var r = Create();
        r.Accept("first", Now);
        Assert.False(r.Accept("second", Now.AddDays(1)));
        Assert.Equal("first", r.AcceptedBy);
    }

    [Fact]
    public void Returning_needs_a_reason()
    {
        var r = Create();
        Assert.Equal(["reason"], FieldsOf(() => r.Return("ha", " ", Now)));
        Assert.Equal(ReferralState.Referred, r.State);
    }

    [Fact]
    public void Returning_closes_with_the_reason()
    {
        var r = Create();
        r.Return("ha", " Woont in ander gebied ", Now);
        Assert.Equal(ReferralState.Returned, r.State);
        Assert.Equal("Woont in ander gebied", r.CloseReason);
        Assert.Equal("ha", r.ClosedBy);
    }

    [Fact]
    public void A_returned_referral_cannot_be_accepted_and_the_message_names_the_state()
    {
        var r = Create();
        r.Return("ha", "Buiten scope", Now);
        var e = Assert.Throws<InvalidStateException>(() => r.Accept("ha", Now));
        Assert.Contains("REFERRAL_STATE_RETURNED", e.Message);
    }

    [Fact]
    public void Withdrawing_closes_a_waiting_referral()
    {
        var r = Create();
        r.Withdraw("wij", "Zelf opgelost", Now);
        Assert.Equal(ReferralState.Withdrawn, r.State);
    }

    [Fact]
    public void An_accepted_referral_cannot_be_withdrawn_or_returned()
    {
        var r = Create();
        r.Accept("ha", Now);
        Assert.Throws<InvalidStateException>(() => r.Withdraw("wij", "Te laat", Now));
        Assert.Throws<InvalidStateException>(() => r.Return("ha", "Te laat", Now));
    }

    [Fact]
    public void A_withdrawn_referral_cannot_be_withdrawn_again()
    {
        var r = Create();
        r.Withdraw("wij", "Zelf opgelost", Now);
        Assert.Throws<InvalidStateException>(() => r.Withdraw("wij", "Nogmaals", Now));
    }
}
