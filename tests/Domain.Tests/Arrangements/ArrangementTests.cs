using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Common;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Referrals;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Subcontracts;

namespace GonPortal.Domain.Tests.Arrangements;

public class ArrangementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid Ha = Guid.NewGuid();
    private static readonly Guid WijOrg = Guid.NewGuid();
    private static readonly Guid ClientId = Guid.NewGuid();
    private static readonly Actor HaActor = new("ha-user", "Carla", Ha, ActorRole.Hoofdaanbieder);
    private static readonly Actor WijActor = new("wij-user", "Bram", WijOrg, ActorRole.Wij);
    private static readonly Actor Gemeente = new("gem-user", "Anna", Guid.NewGuid(), ActorRole.Gemeente);
    private static readonly DateOnly Start = new(2027, 3, 1);
    private static readonly DateOnly End = new(2027, 12, 31);

    private static Referral AcceptedReferral(Guid? client = null)
    {
        var r = Referral.Create(Guid.NewGuid(), WijOrg, client ?? ClientId, 1, Ha, null, ["Dagstructuur"], [], true, null, "wij", Now);
        r.Accept("ha", Now);
        return r;
    }

    private static Subcontract Consented(Guid? owner = null, int area = 1, bool consent = true, DateOnly? from = null)
    {
        var onderaannemer = Provider.Register(Guid.NewGuid(), "Buurtwerk", ProviderKind.Onderaannemer, "81234561", null, Now);
        var s = Subcontract.Propose(Guid.NewGuid(), new SubcontractProposal(owner ?? Ha, onderaannemer, [area],
            [(Product.Begeleiding, Unit.Hour, 6_450)], from ?? new DateOnly(2027, 1, 1), null, new HashSet<int> { area }), "ha", Now);
        if (consent)
        {
            s.Consent("gem", "BRF-1", Now);
        }
        return s;
    }

    private static Arrangement Requested(EntryChannel channel = EntryChannel.WijReferral)
    {
        var referral = channel == EntryChannel.WijReferral ? AcceptedReferral() : null;
        return Arrangement.Create(Guid.NewGuid(), Ha, ClientId, 1, channel, referral?.Id, referral, HaActor, Now).Arrangement;
    }

    private static TermsInput Own(int volume = 180, bool initiative = false) =>
        new(volume, VolumeFrequency.PerWeek, ExecutorKind.Hoofdaanbieder, null, null, initiative, initiative ? "Odensehuis" : null);

    private static TermsInput By(Subcontract s) => new(180, VolumeFrequency.PerWeek, ExecutorKind.Onderaannemer, s.Id, s, false, null);

    private static DecisionInput Decision(SupportType type, TermsInput? terms = null, DateOnly? end = null) =>
        new(type, Product.Begeleiding, Unit.Hour, terms ?? Own(), Start, end ?? End, "Besluit");

    private static Arrangement Decided(SupportType type, TermsInput? terms = null)
    {
        var a = Requested();
        a.Decide(Decision(type, terms), HaActor, Now);
        return a;
    }

    private static Arrangement Issued(DateOnly? validTo = null)
    {
        var a = Decided(SupportType.Aanvullend);
        a.Approve(null, WijActor, Now);
        a.RecordBeschikking("WMO-1", Today, null, validTo, Today, Gemeente, Now);
        return a;
    }

    private static Arrangement ActiveBasis()
    {
        var a = Decided(SupportType.Basis);
        a.Start(null, HaActor, Now);
        return a;
    }

    private static IReadOnlyList<string> FieldsOf(Action act) =>
        Assert.Throws<DomainValidationException>(act).Violations.Select(v => v.Field).ToList();

    private static string StateError(Action act) => Assert.Throws<InvalidStateException>(act).Message;

    // --- hour-dependent checks (facts passed in) ------------------------------------------------

    private static ReportedHours Hours(params (Guid Reporter, DateOnly LastDay)[] rows) =>
        new(rows.ToDictionary(r => r.Reporter, r => r.LastDay));

    [Fact]
    public void An_executor_change_may_not_cover_a_day_with_entries_of_the_previous_executor()
    {
        var s = Consented();
        var a = ActiveBasis();
        var hours = Hours((Ha, new DateOnly(2027, 5, 10)));
        // Own staff reported up to 10 May: a change to the onderaannemer from 10 May (or earlier) is refused.
        Assert.Contains("2027-05-10", StateError(() => a.ChangeTerms(new DateOnly(2027, 5, 10), By(s), "Overdracht", HaActor, Now, hours)));
        Assert.Single(a.Versions);
        // From 11 May it is allowed; the new executor's own entries never block.
        a.ChangeTerms(new DateOnly(2027, 5, 11), By(s), "Overdracht", HaActor, Now, hours);
        Assert.Equal(2, a.Versions.Count);
    }

    [Fact]
    public void A_change_of_terms_without_a_change_of_executor_ignores_entries()
    {
        var a = ActiveBasis();
        a.ChangeTerms(new DateOnly(2027, 5, 1), Own(240), "Meer uren", HaActor, Now, Hours((Ha, new DateOnly(2027, 6, 30))));
        Assert.Equal(240, a.OrderedVersions[^1].Volume);
    }

    [Fact]
    public void The_end_may_not_move_before_the_last_day_with_entries()
    {
        var other = Guid.NewGuid();
        var hours = Hours((Ha, new DateOnly(2027, 6, 1)), (other, new DateOnly(2027, 7, 15)));
        var a = ActiveBasis();
        Assert.Equal(["end_date"], FieldsOf(() => a.ChangeEndDate(new DateOnly(2027, 7, 14), "Eerder klaar", HaActor, Now, hours)));
        Assert.Equal(["end_date"], FieldsOf(() => a.End(new DateOnly(2027, 7, 14), ArrangementEndReason.GoalsReached, null, HaActor, Now, hours)));
        a.ChangeEndDate(new DateOnly(2027, 7, 15), "Eerder klaar", HaActor, Now, hours);
        a.End(new DateOnly(2027, 7, 15), ArrangementEndReason.GoalsReached, null, HaActor, Now, hours);
        Assert.Equal(ArrangementState.Ended, a.State);
        Assert.Null(ReportedHours.None.LastDay);
    }

    // --- create -----------------------------------------------------------------------------

    [Fact]
    public void Create_for_an_accepted_referral_is_requested_and_records_the_first_transition()
    {
        var referral = AcceptedReferral();
        var (a, t) = Arrangement.Create(Guid.NewGuid(), Ha, ClientId, 1, EntryChannel.WijReferral, referral.Id, referral, HaActor, Now);
        Assert.Equal(ArrangementState.Requested, a.State);
        Assert.Equal(referral.Id, a.ReferralId);
        Assert.Equal(WijOrg, a.WijOrganisationId);
        Assert.Equal(Ha, a.TenantId);
        Assert.Equal((1, ArrangementAction.Create, (ArrangementState?)null, ArrangementState.Requested), (t.Sequence, t.Action, t.FromState, t.ToState));
        Assert.Equal("ha-user", t.ActorSubject);
    }

    [Fact]
    public void Create_direct_entry_has_no_referral_and_no_wij()
    {
        var a = Requested(EntryChannel.DirectInitiative);
        Assert.Null(a.ReferralId);
        Assert.Null(a.WijOrganisationId);
    }

    [Fact]
    public void Create_needs_an_entry_channel() =>
        Assert.Equal(["entry_channel"], FieldsOf(() => Arrangement.Create(Guid.NewGuid(), Ha, ClientId, 1, null, null, null, HaActor, Now)));

    [Fact]
    public void Create_via_wij_needs_a_referral() =>
        Assert.Equal(["referral_id"], FieldsOf(() => Arrangement.Create(Guid.NewGuid(), Ha, ClientId, 1, EntryChannel.WijReferral, null, null, HaActor, Now)));

    [Fact]
    public void Create_direct_refuses_a_referral()
    {
        var r = AcceptedReferral();
        Assert.Equal(["referral_id"], FieldsOf(() => Arrangement.Create(Guid.NewGuid(), Ha, ClientId, 1, EntryChannel.DirectInitiative, r.Id, r, HaActor, Now)));
    }

    [Fact]
    public void Create_refuses_a_referral_of_another_client()
    {
        var r = AcceptedReferral(Guid.NewGuid());
        Assert.Equal(["referral_id"], FieldsOf(() => Arrangement.Create(Guid.NewGuid(), Ha, ClientId, 1, EntryChannel.WijReferral, r.Id, r, HaActor, Now)));
    }

    [Fact]
    public void Create_refuses_a_referral_to_another_hoofdaanbieder()
    {
        var r = AcceptedReferral();
        Assert.Equal(["referral_id"], FieldsOf(() => Arrangement.Create(Guid.NewGuid(), Guid.NewGuid(), ClientId, 1, EntryChannel.WijReferral, r.Id, r, HaActor, Now)));
    }

    [Fact]
    public void Create_needs_the_referral_accepted()
    {
        var r = Referral.Create(Guid.NewGuid(), WijOrg, ClientId, 1, Ha, null, ["Dagstructuur"], [], true, null, "wij", Now);
        Assert.Contains("REFERRAL_STATE_REFERRED", StateError(() => Arrangement.Create(Guid.NewGuid(), Ha, ClientId, 1, EntryChannel.WijReferral, r.Id, r, HaActor, Now)));
    }

    // --- decide -----------------------------------------------------------------------------

    [Fact]
    public void Deciding_basis_gives_decided_with_version_one_from_the_start_date()
    {
        var a = Requested();
        var t = a.Decide(Decision(SupportType.Basis), HaActor, Now);
        Assert.Equal(ArrangementState.Decided, a.State);
        var v = Assert.Single(a.Versions);
        Assert.Equal((1, Start, 180, Unit.Hour, Ha), (v.Number, v.EffectiveFrom, v.Volume, v.Unit, v.ExecutorProviderId));
        Assert.Equal([Ha], a.ExecutorProviderIds);
        Assert.Equal(ArrangementAction.Decide, t.Action);
        Assert.Equal(SupportType.Basis, t.Decision!.SupportType);
        Assert.Equal(2, t.Sequence);
    }

    [Fact]
    public void Deciding_aanvullend_waits_for_wij()
    {
        var a = Decided(SupportType.Aanvullend);
        Assert.Equal(ArrangementState.AwaitingWijApproval, a.State);
    }

    [Fact]
    public void Deciding_again_before_the_start_replaces_version_one()
    {
        var a = Decided(SupportType.Basis);
        a.Decide(Decision(SupportType.Basis, Own(volume: 60)), HaActor, Now);
        Assert.Equal(60, Assert.Single(a.Versions).Volume);
        Assert.Equal(3, a.TransitionCount);
    }

    [Fact]
    public void Deciding_after_a_wij_rejection_is_allowed()
    {
        var a = Decided(SupportType.Aanvullend);
        a.Reject("Past niet", WijActor, Now);
        a.Decide(Decision(SupportType.Basis), HaActor, Now);
        Assert.Equal(ArrangementState.Decided, a.State);
    }

    [Theory]
    [InlineData(ArrangementState.AwaitingWijApproval)]
    [InlineData(ArrangementState.AdvisedToGemeente)]
    [InlineData(ArrangementState.DecisionIssued)]
    [InlineData(ArrangementState.Active)]
    [InlineData(ArrangementState.Cancelled)]
    public void Deciding_is_refused_in_later_states(ArrangementState state)
    {
        var a = InState(state);
        Assert.Contains(Arrangement.ProtoName(state), StateError(() => a.Decide(Decision(SupportType.Basis), HaActor, Now)));
    }

    [Fact]
    public void A_decision_by_an_onderaannemer_under_a_consented_subcontract_lists_it_as_executor()
    {
        var s = Consented();
        var a = Decided(SupportType.Basis, By(s));
        Assert.Equal(s.OnderaannemerId, a.Versions[0].ExecutorProviderId);
        Assert.Equal(s.Id, a.Versions[0].SubcontractId);
        Assert.Equal([s.OnderaannemerId], a.ExecutorProviderIds);
    }

    [Fact]
    public void A_proposed_subcontract_may_not_execute() =>
        Assert.Equal(["decision.terms.subcontract_id"], FieldsOf(() => Requested().Decide(Decision(SupportType.Basis, By(Consented(consent: false))), HaActor, Now)));

    [Fact]
    public void Another_hoofdaanbieders_subcontract_may_not_execute() =>
        Assert.Equal(["decision.terms.subcontract_id"], FieldsOf(() => Requested().Decide(Decision(SupportType.Basis, By(Consented(owner: Guid.NewGuid()))), HaActor, Now)));

    [Fact]
    public void A_subcontract_for_another_area_may_not_execute() =>
        Assert.Equal(["decision.terms.subcontract_id"], FieldsOf(() => Requested().Decide(Decision(SupportType.Basis, By(Consented(area: 2))), HaActor, Now)));

    [Fact]
    public void A_subcontract_not_yet_valid_on_the_start_date_may_not_execute() =>
        Assert.Equal(["decision.terms.subcontract_id"], FieldsOf(() => Requested().Decide(Decision(SupportType.Basis, By(Consented(from: new DateOnly(2027, 6, 1)))), HaActor, Now)));

    [Fact]
    public void A_subcontract_without_a_rate_for_the_product_may_not_execute()
    {
        var d = Decision(SupportType.Basis, By(Consented())) with { Product = Product.Dagbesteding, Unit = Unit.Dagdeel };
        Assert.Equal(["decision.terms.subcontract_id"], FieldsOf(() => Requested().Decide(d, HaActor, Now)));
    }

    [Fact]
    public void An_onderaannemer_executor_needs_a_subcontract() =>
        Assert.Equal(["decision.terms.subcontract_id"], FieldsOf(() => Requested().Decide(Decision(SupportType.Basis,
            new TermsInput(60, VolumeFrequency.PerWeek, ExecutorKind.Onderaannemer, null, null, false, null)), HaActor, Now)));

    [Fact]
    public void Own_staff_refuses_a_subcontract() =>
        Assert.Equal(["decision.terms.subcontract_id"], FieldsOf(() => Requested().Decide(Decision(SupportType.Basis,
            Own() with { SubcontractId = Guid.NewGuid() }), HaActor, Now)));

    [Fact]
    public void The_unit_must_fit_the_product() =>
        Assert.Equal(["decision.unit"], FieldsOf(() => Requested().Decide(Decision(SupportType.Basis) with { Unit = Unit.Etmaal }, HaActor, Now)));

    [Fact]
    public void Total_frequency_needs_an_end_date() =>
        Assert.Equal(["decision.end_date"], FieldsOf(() => Requested().Decide(
            new DecisionInput(SupportType.Basis, Product.Begeleiding, Unit.Hour, Own() with { Frequency = VolumeFrequency.Total }, Start, null, null), HaActor, Now)));

    [Fact]
    public void The_end_date_may_not_precede_the_start_date() =>
        Assert.Equal(["decision.end_date"], FieldsOf(() => Requested().Decide(Decision(SupportType.Basis, end: Start.AddDays(-1)), HaActor, Now)));

    [Fact]
    public void Open_ended_is_allowed_per_week()
    {
        var a = Requested();
        a.Decide(new DecisionInput(SupportType.Basis, Product.Begeleiding, Unit.Hour, Own(), Start, null, null), HaActor, Now);
        Assert.Null(a.EndDate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_000_001)]
    public void Volume_must_be_one_to_a_million(int volume) =>
        Assert.Equal(["decision.terms.volume"], FieldsOf(() => Requested().Decide(Decision(SupportType.Basis, Own(volume)), HaActor, Now)));

    [Fact]
    public void An_initiative_is_for_basis_only() =>
        Assert.Equal(["decision.terms.via_initiative"], FieldsOf(() => Requested().Decide(Decision(SupportType.Aanvullend, Own(initiative: true)), HaActor, Now)));

    [Fact]
    public void An_initiative_needs_its_name() =>
        Assert.Equal(["decision.terms.initiative_name"], FieldsOf(() => Requested().Decide(Decision(SupportType.Basis, Own() with { ViaInitiative = true }), HaActor, Now)));

    [Fact]
    public void An_initiative_name_without_the_flag_is_refused() =>
        Assert.Equal(["decision.terms.initiative_name"], FieldsOf(() => Requested().Decide(Decision(SupportType.Basis, Own() with { InitiativeName = "Hamelhuys" }), HaActor, Now)));

    [Fact]
    public void Direct_entry_allows_only_basis_via_an_initiative()
    {
        var a = Requested(EntryChannel.DirectInitiative);
        Assert.Equal(["decision.support_type", "decision.terms.via_initiative"], FieldsOf(() => a.Decide(Decision(SupportType.Aanvullend), HaActor, Now)));
        a.Decide(Decision(SupportType.Basis, Own(initiative: true)), HaActor, Now);
        Assert.True(a.Versions[0].ViaInitiative);
        Assert.Equal("Odensehuis", a.Versions[0].InitiativeName);
    }

    [Fact]
    public void An_empty_decision_names_every_field_and_changes_nothing()
    {
        var a = Requested();
        Assert.Equal(["decision.support_type", "decision.product", "decision.unit", "decision.start_date", "decision.terms.volume",
            "decision.terms.frequency", "decision.terms.executor_kind"],
            FieldsOf(() => a.Decide(new DecisionInput(null, null, null, new TermsInput(0, null, null, null, null, false, null), null, null, null), HaActor, Now)));
        Assert.Equal(ArrangementState.Requested, a.State);
        Assert.Empty(a.Versions);
        Assert.Equal(1, a.TransitionCount);
    }

    // --- WIJ ----------------------------------------------------------------------------------

    [Fact]
    public void Wij_approval_advises_the_gemeente()
    {
        var a = Decided(SupportType.Aanvullend);
        var t = a.Approve("Passend", WijActor, Now);
        Assert.Equal(ArrangementState.AdvisedToGemeente, a.State);
        Assert.Equal("wij-user", a.WijReviewedBy);
        Assert.Equal((ArrangementState.AwaitingWijApproval, ArrangementState.AdvisedToGemeente, ActorRole.Wij), (t.FromState!.Value, t.ToState, t.ActorRole));
    }

    [Fact]
    public void Wij_rejection_needs_a_reason()
    {
        var a = Decided(SupportType.Aanvullend);
        Assert.Equal(["reason"], FieldsOf(() => a.Reject("", WijActor, Now)));
        a.Reject("Eerst basis", WijActor, Now);
        Assert.Equal(ArrangementState.RejectedByWij, a.State);
        Assert.Equal("Eerst basis", a.WijReviewNote);
    }

    [Fact]
    public void Wij_cannot_approve_basis() =>
        Assert.Contains("ARRANGEMENT_STATE_DECIDED", StateError(() => Decided(SupportType.Basis).Approve(null, WijActor, Now)));

    [Fact]
    public void Wij_cannot_approve_twice()
    {
        var a = Decided(SupportType.Aanvullend);
        a.Approve(null, WijActor, Now);
        Assert.Contains("ARRANGEMENT_STATE_ADVISED_TO_GEMEENTE", StateError(() => a.Approve(null, WijActor, Now)));
        Assert.Throws<InvalidStateException>(() => a.Reject("Toch niet", WijActor, Now));
    }

    // --- beschikking --------------------------------------------------------------------------

    [Fact]
    public void The_beschikking_issues_the_decision_and_covers_from_the_start_by_default()
    {
        var a = Issued();
        Assert.Equal(ArrangementState.DecisionIssued, a.State);
        var b = Assert.Single(a.Beschikkingen);
        Assert.Equal((Start, (DateOnly?)null, "WMO-1"), (b.ValidFrom, b.ValidTo, b.Number));
    }

    [Fact]
    public void Recording_the_same_beschikking_again_changes_nothing()
    {
        var a = Issued();
        Assert.Null(a.RecordBeschikking("WMO-1", Today, null, null, Today, Gemeente, Now));
        Assert.Single(a.Beschikkingen);
    }

    [Fact]
    public void A_beschikking_is_refused_before_wij_approved() =>
        Assert.Contains("ARRANGEMENT_STATE_AWAITING_WIJ_APPROVAL",
            StateError(() => Decided(SupportType.Aanvullend).RecordBeschikking("WMO-1", Today, null, null, Today, Gemeente, Now)));

    [Fact]
    public void Basis_needs_no_beschikking() =>
        Assert.Throws<InvalidStateException>(() => ActiveBasis().RecordBeschikking("WMO-1", Today, null, null, Today, Gemeente, Now));

    [Fact]
    public void A_beschikking_needs_a_number_and_a_decision_date_not_in_the_future()
    {
        var a = Decided(SupportType.Aanvullend);
        a.Approve(null, WijActor, Now);
        Assert.Equal(["beschikking_number", "decision_date"], FieldsOf(() => a.RecordBeschikking(" ", Today.AddDays(1), null, null, Today, Gemeente, Now)));
        Assert.Equal(["decision_date"], FieldsOf(() => a.RecordBeschikking("WMO-1", null, null, null, Today, Gemeente, Now)));
        Assert.Equal(["valid_to"], FieldsOf(() => a.RecordBeschikking("WMO-1", Today, Start, Start.AddDays(-1), Today, Gemeente, Now)));
        Assert.Equal(ArrangementState.AdvisedToGemeente, a.State);
    }

    [Fact]
    public void A_follow_up_beschikking_in_active_keeps_the_state_and_continues_the_previous()
    {
        var a = Issued(validTo: new DateOnly(2027, 6, 30));
        a.Start(null, HaActor, Now);
        var t = a.RecordBeschikking("WMO-2", Today, null, null, Today, Gemeente, Now)!;
        Assert.Equal(ArrangementState.Active, a.State);
        Assert.Equal(new DateOnly(2027, 7, 1), a.BeschikkingInForce!.ValidFrom);
        Assert.Equal((ArrangementState.Active, ArrangementState.Active), (t.FromState!.Value, t.ToState));
    }

    [Fact]
    public void A_follow_up_after_an_open_ended_beschikking_needs_valid_from()
    {
        var a = Issued();
        a.Start(null, HaActor, Now);
        Assert.Equal(["valid_from"], FieldsOf(() => a.RecordBeschikking("WMO-2", Today, null, null, Today, Gemeente, Now)));
    }

    [Fact]
    public void A_used_number_with_other_dates_is_refused()
    {
        var a = Issued();
        a.Start(null, HaActor, Now);
        Assert.Equal(["beschikking_number"], FieldsOf(() => a.RecordBeschikking("WMO-1", Today.AddDays(-1), new DateOnly(2028, 1, 1), null, Today, Gemeente, Now)));
    }

    // --- start --------------------------------------------------------------------------------

    [Fact]
    public void Basis_starts_from_decided_on_the_decided_date()
    {
        var a = ActiveBasis();
        Assert.Equal(ArrangementState.Active, a.State);
        Assert.Equal(Start, a.StartDate);
        Assert.True(a.IsActiveOn(Start));
        Assert.False(a.IsActiveOn(Start.AddDays(-1)));
        Assert.False(a.IsActiveOn(End.AddDays(1)));
    }

    [Fact]
    public void Starting_later_moves_version_one()
    {
        var a = Decided(SupportType.Basis);
        var t = a.Start(Start.AddDays(7), HaActor, Now);
        Assert.Equal(Start.AddDays(7), a.Versions[0].EffectiveFrom);
        Assert.Equal(Start.AddDays(7), t.Date);
    }

    [Fact]
    public void Starting_after_the_end_date_is_refused() =>
        Assert.Equal(["start_date"], FieldsOf(() => Decided(SupportType.Basis).Start(End.AddDays(1), HaActor, Now)));

    [Fact]
    public void Aanvullend_cannot_start_without_a_beschikking()
    {
        Assert.Contains("ARRANGEMENT_STATE_AWAITING_WIJ_APPROVAL", StateError(() => Decided(SupportType.Aanvullend).Start(null, HaActor, Now)));
        var advised = Decided(SupportType.Aanvullend);
        advised.Approve(null, WijActor, Now);
        Assert.Contains("ARRANGEMENT_STATE_ADVISED_TO_GEMEENTE", StateError(() => advised.Start(null, HaActor, Now)));
    }

    [Fact]
    public void Aanvullend_starts_after_the_beschikking_within_its_validity()
    {
        var a = Issued(validTo: new DateOnly(2027, 6, 30));
        Assert.Equal(["start_date"], FieldsOf(() => a.Start(new DateOnly(2027, 7, 1), HaActor, Now)));
        a.Start(null, HaActor, Now);
        Assert.Equal(ArrangementState.Active, a.State);
    }

    [Fact]
    public void Starting_twice_is_refused() =>
        Assert.Contains("ARRANGEMENT_STATE_ACTIVE", StateError(() => ActiveBasis().Start(null, HaActor, Now)));

    // --- terms, end date, end, cancel -----------------------------------------------------------

    [Fact]
    public void Changing_terms_appends_a_version_and_keeps_the_history()
    {
        var s = Consented();
        var a = ActiveBasis();
        var t = a.ChangeTerms(new DateOnly(2027, 5, 1), By(s), "Onderaannemer neemt over", HaActor, Now);
        Assert.Equal([1, 2], a.OrderedVersions.Select(v => v.Number));
        Assert.Equal(new DateOnly(2027, 4, 30), a.EffectiveTo(a.OrderedVersions[0]));
        Assert.Equal(End, a.EffectiveTo(a.OrderedVersions[1]));
        Assert.Equal([Ha, s.OnderaannemerId], a.ExecutorProviderIds);
        Assert.Equal(Ha, a.VersionOn(new DateOnly(2027, 4, 30))!.ExecutorProviderId);
        Assert.Equal(s.OnderaannemerId, a.VersionOn(new DateOnly(2027, 5, 1))!.ExecutorProviderId);
        Assert.Null(a.VersionOn(Start.AddDays(-1)));
        Assert.Equal((ArrangementAction.ChangeTerms, 2), (t.Action, t.VersionNumber!.Value));
    }

    [Fact]
    public void A_new_version_must_start_after_the_latest()
    {
        var a = ActiveBasis();
        Assert.Equal(["effective_from"], FieldsOf(() => a.ChangeTerms(Start, Own(), "Zelfde dag", HaActor, Now)));
        Assert.Equal(["effective_from"], FieldsOf(() => a.ChangeTerms(End.AddDays(1), Own(), "Na het einde", HaActor, Now)));
    }

    [Fact]
    public void Changing_terms_needs_a_note() =>
        Assert.Equal(["note"], FieldsOf(() => ActiveBasis().ChangeTerms(new DateOnly(2027, 5, 1), Own(), "", HaActor, Now)));

    [Fact]
    public void Total_frequency_only_when_already_used() =>
        Assert.Equal(["terms.frequency"], FieldsOf(() => ActiveBasis().ChangeTerms(new DateOnly(2027, 5, 1), Own() with { Frequency = VolumeFrequency.Total }, "Totaal", HaActor, Now)));

    [Fact]
    public void Terms_cannot_change_before_the_decision_is_issued()
    {
        Assert.Contains("ARRANGEMENT_STATE_DECIDED", StateError(() => Decided(SupportType.Basis).ChangeTerms(new DateOnly(2027, 5, 1), Own(), "Wijziging", HaActor, Now)));
        var issued = Issued();
        issued.ChangeTerms(new DateOnly(2027, 5, 1), Own(240), "Meer uren", HaActor, Now);
        Assert.Equal(2, issued.Versions.Count);
    }

    [Fact]
    public void The_end_date_moves_with_a_note()
    {
        var a = ActiveBasis();
        var t = a.ChangeEndDate(new DateOnly(2028, 6, 30), "Verlenging", HaActor, Now);
        Assert.Equal(new DateOnly(2028, 6, 30), a.EndDate);
        Assert.Equal((ArrangementState.Active, ArrangementState.Active), (t.FromState!.Value, t.ToState));
        a.ChangeEndDate(null, "Onbepaalde tijd", HaActor, Now);
        Assert.Null(a.EndDate);
    }

    [Fact]
    public void The_end_date_may_not_precede_the_latest_version() =>
        Assert.Equal(["end_date"], FieldsOf(() => ActiveBasis().ChangeEndDate(Start.AddDays(-1), "Te vroeg", HaActor, Now)));

    [Fact]
    public void Aanvullend_end_date_stays_within_the_beschikking()
    {
        var a = Issued(validTo: new DateOnly(2027, 12, 31));
        Assert.Equal(["end_date"], FieldsOf(() => a.ChangeEndDate(new DateOnly(2028, 1, 1), "Langer", HaActor, Now)));
        Assert.Equal(["end_date"], FieldsOf(() => a.ChangeEndDate(null, "Open", HaActor, Now)));
    }

    [Fact]
    public void Total_frequency_cannot_become_open_ended()
    {
        var a = Requested();
        a.Decide(Decision(SupportType.Basis, Own() with { Frequency = VolumeFrequency.Total }), HaActor, Now);
        a.Start(null, HaActor, Now);
        Assert.Equal(["end_date"], FieldsOf(() => a.ChangeEndDate(null, "Open", HaActor, Now)));
    }

    [Fact]
    public void Ending_records_date_reason_and_is_final()
    {
        var a = ActiveBasis();
        var t = a.End(new DateOnly(2027, 9, 30), ArrangementEndReason.WorkPath, null, HaActor, Now);
        Assert.Equal(ArrangementState.Ended, a.State);
        Assert.Equal(new DateOnly(2027, 9, 30), a.EndDate);
        Assert.Equal(ArrangementEndReason.WorkPath, t.EndReason);
        Assert.True(a.IsActiveOn(new DateOnly(2027, 9, 30)));
        Assert.False(a.IsActiveOn(new DateOnly(2027, 10, 1)));
        Assert.Contains("ARRANGEMENT_STATE_ENDED", StateError(() => a.End(new DateOnly(2027, 9, 30), ArrangementEndReason.WorkPath, null, HaActor, Now)));
        Assert.Throws<InvalidStateException>(() => a.ChangeEndDate(null, "Heropenen", HaActor, Now));
    }

    [Fact]
    public void Ending_needs_a_reason_and_a_note_for_other()
    {
        var a = ActiveBasis();
        Assert.Equal(["reason"], FieldsOf(() => a.End(new DateOnly(2027, 9, 30), null, null, HaActor, Now)));
        Assert.Equal(["note"], FieldsOf(() => a.End(new DateOnly(2027, 9, 30), ArrangementEndReason.Other, null, HaActor, Now)));
    }

    [Fact]
    public void Ending_stays_between_start_and_planned_end()
    {
        var a = ActiveBasis();
        Assert.Equal(["end_date"], FieldsOf(() => a.End(Start.AddDays(-1), ArrangementEndReason.GoalsReached, null, HaActor, Now)));
        Assert.Equal(["end_date"], FieldsOf(() => a.End(End.AddDays(1), ArrangementEndReason.GoalsReached, null, HaActor, Now)));
        Assert.Equal(["end_date"], FieldsOf(() => a.End(null, ArrangementEndReason.GoalsReached, null, HaActor, Now)));
    }

    [Fact]
    public void Only_an_active_arrangement_ends() =>
        Assert.Contains("ARRANGEMENT_STATE_DECIDED", StateError(() => Decided(SupportType.Basis).End(End, ArrangementEndReason.GoalsReached, null, HaActor, Now)));

    [Theory]
    [InlineData(ArrangementState.Requested)]
    [InlineData(ArrangementState.Decided)]
    [InlineData(ArrangementState.AwaitingWijApproval)]
    [InlineData(ArrangementState.RejectedByWij)]
    [InlineData(ArrangementState.AdvisedToGemeente)]
    [InlineData(ArrangementState.DecisionIssued)]
    public void The_hoofdaanbieder_cancels_before_the_start(ArrangementState state)
    {
        var a = InState(state);
        var t = a.Cancel("Inwoner ziet af", HaActor, Now);
        Assert.Equal(ArrangementState.Cancelled, a.State);
        Assert.Equal(state, t.FromState);
    }

    [Theory]
    [InlineData(ArrangementState.Active)]
    [InlineData(ArrangementState.Ended)]
    [InlineData(ArrangementState.Cancelled)]
    public void Cancelling_after_the_start_is_refused(ArrangementState state) =>
        Assert.Contains(Arrangement.ProtoName(state), StateError(() => InState(state).Cancel("Te laat", HaActor, Now)));

    [Fact]
    public void The_gemeente_cancels_only_when_advised()
    {
        var advised = InState(ArrangementState.AdvisedToGemeente);
        advised.Cancel("Geen grondslag", Gemeente, Now);
        Assert.Equal(ArrangementState.Cancelled, advised.State);
        Assert.Contains("ARRANGEMENT_STATE_REQUESTED", StateError(() => Requested().Cancel("Nee", Gemeente, Now)));
    }

    [Fact]
    public void Cancelling_needs_a_reason() => Assert.Equal(["reason"], FieldsOf(() => Requested().Cancel("x", HaActor, Now)));

    [Fact]
    public void Every_transition_gets_the_next_sequence_number()
    {
        var a = Requested();
        var sequences = new List<int>
        {
            a.Decide(Decision(SupportType.Aanvullend), HaActor, Now).Sequence,
            a.Approve(null, WijActor, Now).Sequence,
            a.RecordBeschikking("WMO-1", Today, null, null, Today, Gemeente, Now)!.Sequence,
            a.Start(null, HaActor, Now).Sequence,
        };
        Assert.Equal([2, 3, 4, 5], sequences);
    }

    [Theory]
    [InlineData(ArrangementState.AwaitingWijApproval, "ARRANGEMENT_STATE_AWAITING_WIJ_APPROVAL")]
    [InlineData(ArrangementState.AdvisedToGemeente, "ARRANGEMENT_STATE_ADVISED_TO_GEMEENTE")]
    [InlineData(ArrangementState.RejectedByWij, "ARRANGEMENT_STATE_REJECTED_BY_WIJ")]
    [InlineData(ArrangementState.Active, "ARRANGEMENT_STATE_ACTIVE")]
    public void State_names_follow_the_proto(ArrangementState state, string expected) => Assert.Equal(expected, Arrangement.ProtoName(state));

    private static Arrangement InState(ArrangementState state)
    {
        switch (state)
        {
            case ArrangementState.Requested:
                return Requested();
            case ArrangementState.Decided:
                return Decided(SupportType.Basis);
            case ArrangementState.AwaitingWijApproval:
                return Decided(SupportType.Aanvullend);
            case ArrangementState.RejectedByWij:
                var rejected = Decided(SupportType.Aanvullend);
                rejected.Reject("Nee", WijActor, Now);
                return rejected;
            case ArrangementState.AdvisedToGemeente:
                var advised = Decided(SupportType.Aanvullend);
                advised.Approve(null, WijActor, Now);
                return advised;
            case ArrangementState.DecisionIssued:
                return Issued();
            case ArrangementState.Active:
                return ActiveBasis();
            case ArrangementState.Ended:
                var ended = ActiveBasis();
                ended.End(End, ArrangementEndReason.GoalsReached, null, HaActor, Now);
                return ended;
            default:
                var cancelled = Requested();
                cancelled.Cancel("Weg", HaActor, Now);
                return cancelled;
        }
    }
}
