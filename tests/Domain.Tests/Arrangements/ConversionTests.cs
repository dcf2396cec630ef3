using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Common;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Subcontracts;

namespace GonPortal.Domain.Tests.Arrangements;

/// <summary>Conversion at the start of a period: a running arrangement of the previous contract starts ACTIVE, marked as converted.</summary>
public class ConversionTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 1, 2);
    private static readonly Guid Ha = Guid.NewGuid();
    private static readonly Guid ClientId = Guid.NewGuid();
    private static readonly Actor Gemeente = new("gem-user", "Anna", Guid.NewGuid(), ActorRole.Gemeente);
    private static readonly DateOnly Start = new(2027, 1, 1);

    private static TermsInput Own(VolumeFrequency frequency = VolumeFrequency.PerWeek) =>
        new(120, frequency, ExecutorKind.Hoofdaanbieder, null, null, false, null);

    private static Subcontract Subcontract(bool consent, Guid? owner = null, int area = 1)
    {
        var onderaannemer = Provider.Register(Guid.NewGuid(), "Buurtwerk", ProviderKind.Onderaannemer, "81234561", null, Now);
        var s = Domain.Subcontracts.Subcontract.Propose(Guid.NewGuid(), new SubcontractProposal(owner ?? Ha, onderaannemer, [area],
            [(Product.Begeleiding, Unit.Hour, 6_450)], new DateOnly(2027, 1, 1), null, new HashSet<int> { area }), "ha", Now);
        if (consent)
        {
            s.Consent("gem", "BRF-1", Now);
        }
        return s;
    }

    private static TermsInput By(Subcontract s) => new(120, VolumeFrequency.PerWeek, ExecutorKind.Onderaannemer, s.Id, s, false, null);

    private static ConversionInput Basis(TermsInput? terms = null, DateOnly? end = null, string? reference = "OUD-1001") =>
        new(reference, SupportType.Basis, Product.Begeleiding, Unit.Hour, terms ?? Own(), Start, end, null, null, null, null, Today);

    private static ConversionInput Aanvullend(string? number = "BS-2026-17", DateOnly? decided = null, DateOnly? validTo = null, DateOnly? end = null) =>
        new("OUD-2002", SupportType.Aanvullend, Product.Begeleiding, Unit.Hour, Own(), Start, end, number,
            decided ?? new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), validTo, Today);

    private static (Arrangement Arrangement, ArrangementTransition Transition) Convert(ConversionInput input) =>
        Arrangement.Convert(Guid.NewGuid(), Ha, ClientId, 1, input, Gemeente, Now);

    private static IReadOnlyList<string> Fields(ConversionInput input) =>
        Assert.Throws<DomainValidationException>(() => Convert(input)).Violations.Select(v => v.Field).ToList();

    [Fact]
    public void A_converted_basis_arrangement_starts_active_with_version_1_from_its_start_date()
    {
        var (a, _) = Convert(Basis());
        Assert.Equal(ArrangementState.Active, a.State);
        Assert.Equal(EntryChannel.Conversion, a.EntryChannel);
        Assert.Equal(Ha, a.TenantId);
        Assert.Equal(Start, a.StartDate);
        var version = Assert.Single(a.Versions);
        Assert.Equal(Start, version.EffectiveFrom);
        Assert.Equal(120, version.Volume);
        Assert.Equal(Ha, version.ExecutorProviderId);
        Assert.Empty(a.Beschikkingen);
    }

    [Fact]
    public void Its_history_starts_with_one_convert_transition_naming_the_source_reference()
    {
        var (a, t) = Convert(Basis(reference: "  OUD-1001 "));
        Assert.Equal(ArrangementAction.Convert, t.Action);
        Assert.Null(t.FromState);
        Assert.Equal(ArrangementState.Active, t.ToState);
        Assert.Equal("OUD-1001", t.Reason);
        Assert.Equal(1, t.Sequence);
        Assert.Equal(1, a.TransitionCount);
        Assert.Equal(ActorRole.Gemeente, t.ActorRole);
        Assert.Equal(120, t.Decision!.Volume);
    }

    [Fact]
    public void An_aanvullend_arrangement_carries_its_beschikking()
    {
        var (a, t) = Convert(Aanvullend(validTo: new DateOnly(2027, 10, 31), end: new DateOnly(2027, 10, 31)));
        var b = Assert.Single(a.Beschikkingen);
        Assert.Equal("BS-2026-17", b.Number);
        Assert.Equal(new DateOnly(2026, 11, 1), b.ValidFrom);
        Assert.Equal(new DateOnly(2027, 10, 31), b.ValidTo);
        Assert.Equal("BS-2026-17", t.BeschikkingNumber);
        Assert.Equal(ArrangementState.Active, a.State);
    }

    [Fact]
    public void Aanvullend_without_a_beschikking_number_is_refused() =>
        Assert.Contains("beschikking_number", Fields(Aanvullend(number: null)));

    [Fact]
    public void Aanvullend_without_a_decision_date_is_refused() =>
        Assert.Contains("beschikking_decision_date", Fields(Aanvullend() with { BeschikkingDecisionDate = null }));

    [Fact]
    public void A_beschikking_decided_in_the_future_is_refused() =>
        Assert.Contains("beschikking_decision_date", Fields(Aanvullend(decided: Today.AddDays(1))));

    [Fact]
    public void A_start_outside_the_beschikking_is_refused() =>
        Assert.Contains("start_date", Fields(Aanvullend() with { BeschikkingValidFrom = new DateOnly(2027, 2, 1) }));

    [Fact]
    public void An_end_after_the_beschikking_is_refused() =>
        Assert.Contains("end_date", Fields(Aanvullend(validTo: new DateOnly(2027, 6, 30), end: new DateOnly(2027, 7, 31))));

    [Fact]
    public void A_beschikking_that_ends_needs_an_end_date() =>
        Assert.Contains("end_date", Fields(Aanvullend(validTo: new DateOnly(2027, 6, 30))));

    [Fact]
    public void Basis_with_a_beschikking_is_refused() =>
        Assert.Contains("beschikking_number", Fields(Basis() with { BeschikkingNumber = "BS-1" }));

    [Fact]
    public void An_onderaannemer_with_a_consented_subcontract_executes_version_1()
    {
        var s = Subcontract(consent: true);
        var (a, _) = Convert(Basis(By(s)));
        Assert.Equal(s.OnderaannemerId, a.Versions[0].ExecutorProviderId);
        Assert.Equal(s.Id, a.Versions[0].SubcontractId);
        Assert.Contains(s.OnderaannemerId, a.ExecutorProviderIds);
    }

    [Fact]
    public void An_onderaannemer_without_consent_is_refused() =>
        Assert.Contains("terms.subcontract_id", Fields(Basis(By(Subcontract(consent: false)))));

    [Fact]
    public void A_subcontract_of_another_hoofdaanbieder_is_refused() =>
        Assert.Contains("terms.subcontract_id", Fields(Basis(By(Subcontract(consent: true, owner: Guid.NewGuid())))));

    [Fact]
    public void A_subcontract_for_another_area_is_refused() =>
        Assert.Contains("terms.subcontract_id", Fields(Basis(By(Subcontract(consent: true, area: 2)))));

    [Fact]
    public void An_arrangement_that_already_ended_is_not_converted() =>
        Assert.Contains("end_date", Fields(Basis(end: Today.AddDays(-1))));

    [Fact]
    public void An_end_before_the_start_is_refused() =>
        Assert.Contains("end_date", Fields(Basis() with { StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 2, 1) }));

    [Fact]
    public void A_total_volume_needs_an_end_date() =>
        Assert.Contains("end_date", Fields(Basis(Own(VolumeFrequency.Total))));

    [Fact]
    public void A_source_reference_is_required() =>
        Assert.Contains("source_reference", Fields(Basis(reference: " ")));

    [Fact]
    public void A_source_reference_over_50_characters_is_refused() =>
        Assert.Contains("source_reference", Fields(Basis(reference: new string('x', 51))));

    [Fact]
    public void A_unit_the_product_does_not_allow_is_refused() =>
        Assert.Contains("unit", Fields(Basis() with { Unit = Unit.Etmaal }));

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var fields = Fields(Basis() with { SourceReference = null, Product = null, StartDate = null });
        Assert.Contains("source_reference", fields);
        Assert.Contains("product", fields);
        Assert.Contains("start_date", fields);
    }

    [Fact]
    public void A_request_cannot_claim_the_conversion_channel()
    {
        var e = Assert.Throws<DomainValidationException>(() =>
            Arrangement.Create(Guid.NewGuid(), Ha, ClientId, 1, EntryChannel.Conversion, null, null, Gemeente with { Role = ActorRole.Hoofdaanbieder }, Now));
        Assert.Contains(e.Violations, v => v.Field == "entry_channel");
    }
}
