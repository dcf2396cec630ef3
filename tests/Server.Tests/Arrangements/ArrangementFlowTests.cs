using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using static GonPortal.Server.Tests.AccessMatrix.AccessProcessScenario;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.Arrangements;

/// <summary>The support-arrangement state machine through the real API, with history, versions and visibility.</summary>
public abstract class ArrangementFlowTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task Aanvullend_needs_wij_approval_and_a_beschikking_before_it_starts()
    {
        hosts.RequireAvailable();
        var subcontract = await _s.Consented(Callers.HaStadse, Callers.OaDeLinde);
        var decided = await _s.Decided(SupportType.Aanvullend, subcontract.Id);
        Assert.Equal(ArrangementState.AwaitingWijApproval, decided.State);
        Assert.Equal(DemoIds.DeLinde, decided.Versions.Single().Terms.ExecutorProviderId);
        Assert.Equal(DemoNames.DeLinde, decided.Versions.Single().Terms.ExecutorProviderName);
        var ha = await _s.Arrangements(Callers.HaStadse);
        var early = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.StartArrangementAsync(new() { ArrangementId = decided.Id }));
        Assert.Contains("ARRANGEMENT_STATE_AWAITING_WIJ_APPROVAL", early.Status.Detail);

        var wij = await _s.Arrangements(Callers.Wij);
        var advised = (await wij.ApproveArrangementAsync(new() { ArrangementId = decided.Id, Note = "Passend" })).Arrangement;
        Assert.Equal(ArrangementState.AdvisedToGemeente, advised.State);
        Assert.Equal("Passend", advised.WijReviewNote);
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.StartArrangementAsync(new() { ArrangementId = decided.Id }));

        var gemeente = await _s.Arrangements(Callers.Gemeente);
        var issued = (await gemeente.RecordBeschikkingAsync(new()
        {
            ArrangementId = decided.Id,
            BeschikkingNumber = "WMO-2027-0001",
            DecisionDate = Date(2026, 11, 1),
        })).Arrangement;
        Assert.Equal(ArrangementState.DecisionIssued, issued.State);
        var beschikking = issued.Beschikkingen.Single();
        Assert.Equal(Date(2027, 3, 1), beschikking.ValidFrom);
        Assert.Null(beschikking.ValidTo);
        // Repeating the same beschikking changes nothing; the same number with other dates is refused.
        Assert.Single((await gemeente.RecordBeschikkingAsync(new() { ArrangementId = decided.Id, BeschikkingNumber = "WMO-2027-0001", DecisionDate = Date(2026, 11, 1) }))
            .Arrangement.Beschikkingen);

        var active = (await ha.StartArrangementAsync(new() { ArrangementId = decided.Id, StartDate = Date(2027, 3, 4) })).Arrangement;
        Assert.Equal(ArrangementState.Active, active.State);
        Assert.Equal(Date(2027, 3, 4), active.StartDate);
        Assert.Equal(Date(2027, 3, 4), active.Versions[0].EffectiveFrom);
        // In ACTIVE a follow-up beschikking may be recorded, but not under a number already used.
        await RpcAssert.InvalidFields(async () => await gemeente.RecordBeschikkingAsync(new()
            { ArrangementId = decided.Id, BeschikkingNumber = "WMO-2027-0001", DecisionDate = Date(2026, 10, 1), ValidFrom = Date(2027, 6, 1) }), "beschikking_number");

        var ownTerms = Decision(SupportType.Aanvullend).Terms;
        ownTerms.Volume = 120;
        var changed = (await ha.ChangeArrangementTermsAsync(new() { ArrangementId = decided.Id, EffectiveFrom = Date(2027, 6, 1), Terms = ownTerms, Note = "Zelf overgenomen" })).Arrangement;
        Assert.Equal(2, changed.Versions.Count);
        Assert.Equal(Date(2027, 5, 31), changed.Versions[0].EffectiveTo);
        Assert.Equal(DemoIds.StadseZorg, changed.Versions[1].Terms.ExecutorProviderId);

        // De Linde executed version 1, so it still sees the arrangement and its client, without the BSN.
        var delinde = await _s.Arrangements(Callers.OaDeLinde);
        var seen = (await delinde.GetArrangementAsync(new() { ArrangementId = decided.Id })).Arrangement;
        Assert.Equal(2, seen.Versions.Count);
        Assert.Equal("", seen.ReferralId);
        Assert.Equal("", seen.WijReviewNote);
        Assert.Equal("", seen.DecisionNote);

        var ended = (await ha.EndArrangementAsync(new() { ArrangementId = decided.Id, EndDate = Date(2027, 11, 30), Reason = ArrangementEndReason.GoalsReached })).Arrangement;
        Assert.Equal(ArrangementState.Ended, ended.State);
        Assert.Equal(Date(2027, 11, 30), ended.EndDate);

        var history = (await ha.ListArrangementTransitionsAsync(new() { ArrangementId = decided.Id })).Transitions;
        Assert.Equal(
            [ArrangementAction.Create, ArrangementAction.Decide, ArrangementAction.WijApprove, ArrangementAction.RecordBeschikking,
             ArrangementAction.Start, ArrangementAction.ChangeTerms, ArrangementAction.End],
            history.Select(t => t.Action));
        Assert.Equal(Enumerable.Range(1, 7), history.Select(t => t.Sequence));
        Assert.Equal(Role.Wij, history[2].ActorRole);
        Assert.Equal(Role.Gemeente, history[3].ActorRole);
        Assert.Equal(DemoIds.Gemeente, history[3].ActorOrganisationId);
        Assert.Equal("WMO-2027-0001", history[3].Beschikking.BeschikkingNumber);
        Assert.Equal(ArrangementState.AdvisedToGemeente, history[3].FromState);
        Assert.Equal(2, history[5].Version.Version);
        Assert.Equal(ArrangementEndReason.GoalsReached, history[6].EndReason);
        Assert.Equal(subcontract.Id, history[1].Decision.Terms.SubcontractId);
    }

    [Fact]
    public async Task Basis_starts_without_wij_or_beschikking()
    {
        hosts.RequireAvailable();
        var decided = await _s.Decided(SupportType.Basis);
        Assert.Equal(ArrangementState.Decided, decided.State);
        var gemeente = await _s.Arrangements(Callers.Gemeente);
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await gemeente.RecordBeschikkingAsync(new() { ArrangementId = decided.Id, BeschikkingNumber = "X-1", DecisionDate = Date(2026, 11, 1) }));
        var wij = await _s.Arrangements(Callers.Wij);
        var e = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await wij.ApproveArrangementAsync(new() { ArrangementId = decided.Id }));
        Assert.Contains("ARRANGEMENT_STATE_DECIDED", e.Status.Detail);
        var ha = await _s.Arrangements(Callers.HaStadse);
        var active = (await ha.StartArrangementAsync(new() { ArrangementId = decided.Id })).Arrangement;
        Assert.Equal(ArrangementState.Active, active.State);
        var again = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.StartArrangementAsync(new() { ArrangementId = decided.Id }));
        Assert.Contains("ARRANGEMENT_STATE_ACTIVE", again.Status.Detail);
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.CancelArrangementAsync(new() { ArrangementId = decided.Id, Reason = "te laat" }));
    }

    [Fact]
    public async Task Wij_rejection_sends_the_decision_back_and_the_history_keeps_both_decisions()
    {
        hosts.RequireAvailable();
        var decided = await _s.Decided(SupportType.Aanvullend);
        var wij = await _s.Arrangements(Callers.Wij);
        await RpcAssert.InvalidFields(async () => await wij.RejectArrangementAsync(new() { ArrangementId = decided.Id }), "reason");
        var rejected = (await wij.RejectArrangementAsync(new() { ArrangementId = decided.Id, Reason = "Eerst basis proberen" })).Arrangement;
        Assert.Equal(ArrangementState.RejectedByWij, rejected.State);
        Assert.Equal("Eerst basis proberen", rejected.WijReviewNote);
        var ha = await _s.Arrangements(Callers.HaStadse);
        var basis = Decision(SupportType.Basis);
        basis.Terms.Volume = 90;
        var redecided = (await ha.DecideArrangementAsync(new() { ArrangementId = decided.Id, Decision = basis })).Arrangement;
        Assert.Equal(ArrangementState.Decided, redecided.State);
        Assert.Equal(90, redecided.Versions.Single().Terms.Volume);
        var history = (await ha.ListArrangementTransitionsAsync(new() { ArrangementId = decided.Id })).Transitions;
        var decisions = history.Where(t => t.Action == ArrangementAction.Decide).ToList();
        Assert.Equal(2, decisions.Count);
        Assert.Equal(SupportType.Aanvullend, decisions[0].Decision.SupportType);
        Assert.Equal(180, decisions[0].Decision.Terms.Volume);
        Assert.Equal(SupportType.Basis, decisions[1].Decision.SupportType);
        Assert.Equal("Eerst basis proberen", history.Single(t => t.Action == ArrangementAction.WijReject).Reason);
    }

    [Fact]
    public async Task Direct_entry_allows_only_basis_via_an_initiative()
    {
        hosts.RequireAvailable();
        var requested = await _s.DirectRequested();
        Assert.Equal(EntryChannel.DirectInitiative, requested.EntryChannel);
        Assert.Equal("", requested.ReferralId);
        var ha = await _s.Arrangements(Callers.HaStadse);
        await RpcAssert.InvalidFields(async () => await ha.DecideArrangementAsync(new() { ArrangementId = requested.Id, Decision = Decision(SupportType.Aanvullend) }),
            "decision.support_type", "decision.terms.via_initiative");
        var decided = (await ha.DecideArrangementAsync(new() { ArrangementId = requested.Id, Decision = Decision(SupportType.Basis, viaInitiative: true) })).Arrangement;
        Assert.True(decided.Versions[0].Terms.ViaInitiative);
        Assert.Equal("Odensehuis", decided.Versions[0].Terms.InitiativeName);
        // WIJ has no part in direct entry.
        var wij = await _s.Arrangements(Callers.Wij);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await wij.GetArrangementAsync(new() { ArrangementId = requested.Id }));
    }

    [Fact]
    public async Task An_invalid_decision_names_every_field_and_changes_nothing()
    {
        hosts.RequireAvailable();
        var requested = await _s.Requested();
        var ha = await _s.Arrangements(Callers.HaStadse);
        var decision = new ArrangementDecision
        {
            Product = Product.KortdurendVerblijf,
            Unit = Unit.Hour,
            Terms = new ArrangementTerms { Volume = 0, ExecutorKind = ExecutorKind.Onderaannemer, InitiativeName = "Wiershoeck" },
            EndDate = Date(2027, 1, 1),
        };
        await RpcAssert.InvalidFields(async () => await ha.DecideArrangementAsync(new() { ArrangementId = requested.Id, Decision = decision }),
            "decision.support_type", "decision.unit", "decision.start_date", "decision.terms.volume", "decision.terms.frequency",
            "decision.terms.subcontract_id", "decision.terms.initiative_name");
        var unchanged = (await ha.GetArrangementAsync(new() { ArrangementId = requested.Id })).Arrangement;
        Assert.Equal(ArrangementState.Requested, unchanged.State);
        Assert.Empty(unchanged.Versions);
        Assert.Single((await ha.ListArrangementTransitionsAsync(new() { ArrangementId = requested.Id })).Transitions);
    }

    [Fact]
    public async Task Only_a_consented_own_subcontract_for_the_area_and_product_may_execute()
    {
        hosts.RequireAvailable();
        var requested = await _s.Requested();
        var ha = await _s.Arrangements(Callers.HaStadse);
        var proposed = await _s.Proposed(Callers.HaStadse, Callers.OaAtelier);
        await RpcAssert.InvalidFields(async () => await ha.DecideArrangementAsync(new() { ArrangementId = requested.Id, Decision = Decision(SupportType.Basis, proposed.Id) }),
            "decision.terms.subcontract_id");
        var oost = await _s.Consented(Callers.HaOost, Callers.OaDeLinde);
        await RpcAssert.InvalidFields(async () => await ha.DecideArrangementAsync(new() { ArrangementId = requested.Id, Decision = Decision(SupportType.Basis, oost.Id) }),
            "decision.terms.subcontract_id");
        var own = await _s.Consented(Callers.HaStadse, Callers.OaDeLinde);
        var early = Decision(SupportType.Basis, own.Id);
        early.StartDate = Date(2027, 1, 15); // the subcontract starts on 2027-02-01
        await RpcAssert.InvalidFields(async () => await ha.DecideArrangementAsync(new() { ArrangementId = requested.Id, Decision = early }),
            "decision.terms.subcontract_id");
        var dagbesteding = Decision(SupportType.Basis, own.Id);
        dagbesteding.Product = Product.Dagbesteding;
        dagbesteding.Unit = Unit.Dagdeel; // the subcontract has a rate for begeleiding per hour only
        await RpcAssert.InvalidFields(async () => await ha.DecideArrangementAsync(new() { ArrangementId = requested.Id, Decision = dagbesteding }),
            "decision.terms.subcontract_id");
        var ok = (await ha.DecideArrangementAsync(new() { ArrangementId = requested.Id, Decision = Decision(SupportType.Basis, own.Id) })).Arrangement;
        Assert.Equal(ArrangementState.Decided, ok.State);
    }

    [Fact]
    public async Task The_gemeente_may_cancel_only_when_asked_for_a_beschikking()
    {
        hosts.RequireAvailable();
        var gemeente = await _s.Arrangements(Callers.Gemeente);
        var decided = await _s.Decided(SupportType.Basis);
        var e = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await gemeente.CancelArrangementAsync(new() { ArrangementId = decided.Id, Reason = "Nee" }));
        Assert.Contains("ARRANGEMENT_STATE_DECIDED", e.Status.Detail);
        var advised = await _s.Advised();
        var cancelled = (await gemeente.CancelArrangementAsync(new() { ArrangementId = advised.Id, Reason = "Geen grondslag" })).Arrangement;
        Assert.Equal(ArrangementState.Cancelled, cancelled.State);
        Assert.Equal("Geen grondslag", cancelled.EndNote);
        var ha = await _s.Arrangements(Callers.HaStadse);
        var own = (await ha.CancelArrangementAsync(new() { ArrangementId = decided.Id, Reason = "Inwoner ziet af" })).Arrangement;
        Assert.Equal(ArrangementState.Cancelled, own.State);
    }

    [Fact]
    public async Task Creating_needs_an_accepted_referral_of_the_same_client()
    {
        hosts.RequireAvailable();
        var referral = await _s.Referred(1);
        var ha = await _s.Arrangements(Callers.HaStadse);
        var request = new CreateArrangementRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ClientId = referral.ClientId,
            EntryChannel = EntryChannel.WijReferral,
            ReferralId = referral.Id,
        };
        var e = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.CreateArrangementAsync(request));
        Assert.Contains("REFERRAL_STATE_REFERRED", e.Status.Detail);
        var other = await _s.Accepted(1);
        request.RequestId = Guid.NewGuid().ToString();
        request.ReferralId = other.Id;
        await RpcAssert.InvalidFields(async () => await ha.CreateArrangementAsync(request), "referral_id");
        await RpcAssert.InvalidFields(async () => await ha.CreateArrangementAsync(new() { RequestId = Guid.NewGuid().ToString(), ClientId = referral.ClientId }),
            "entry_channel");
        var first = (await ha.CreateArrangementAsync(new() { RequestId = "repeat-" + other.Id, ClientId = other.ClientId, EntryChannel = EntryChannel.WijReferral, ReferralId = other.Id })).Arrangement;
        var second = (await ha.CreateArrangementAsync(new() { RequestId = "repeat-" + other.Id, ClientId = other.ClientId, EntryChannel = EntryChannel.WijReferral, ReferralId = other.Id })).Arrangement;
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task End_date_changes_and_end_follow_the_rules()
    {
        hosts.RequireAvailable();
        var active = await _s.Active();
        var ha = await _s.Arrangements(Callers.HaStadse);
        await RpcAssert.InvalidFields(async () => await ha.ChangeArrangementEndDateAsync(new() { ArrangementId = active.Id, EndDate = Date(2027, 2, 1), Note = "korter" }), "end_date");
        var open = (await ha.ChangeArrangementEndDateAsync(new() { ArrangementId = active.Id, Note = "Onbepaalde tijd" })).Arrangement;
        Assert.Null(open.EndDate);
        await RpcAssert.InvalidFields(async () => await ha.EndArrangementAsync(new() { ArrangementId = active.Id, EndDate = Date(2027, 4, 1), Reason = ArrangementEndReason.Other }), "note");
        await RpcAssert.InvalidFields(async () => await ha.EndArrangementAsync(new() { ArrangementId = active.Id, EndDate = Date(2027, 4, 1) }), "reason");
        var ended = (await ha.EndArrangementAsync(new() { ArrangementId = active.Id, EndDate = Date(2027, 4, 1), Reason = ArrangementEndReason.MovedAway })).Arrangement;
        Assert.Equal(ArrangementState.Ended, ended.State);
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.ChangeArrangementEndDateAsync(new() { ArrangementId = active.Id, EndDate = Date(2027, 5, 1), Note = "te laat" }));
    }

    [Fact]
    public async Task Listing_filters_by_executor_and_activity_within_what_the_caller_may_see()
    {
        hosts.RequireAvailable();
        var subcontract = await _s.Consented(Callers.HaStadse, Callers.OaDeLinde);
        var decided = await _s.Decided(SupportType.Basis, subcontract.Id);
        var ha = await _s.Arrangements(Callers.HaStadse);
        await ha.StartArrangementAsync(new() { ArrangementId = decided.Id });
        var bySubcontract = await ha.ListArrangementsAsync(new() { SubcontractId = subcontract.Id });
        Assert.Equal([decided.Id], bySubcontract.Arrangements.Select(a => a.Id));
        var onDay = await ha.ListArrangementsAsync(new() { SubcontractId = subcontract.Id, ExecutorProviderId = DemoIds.DeLinde, ActiveOn = Date(2027, 5, 1) });
        Assert.Single(onDay.Arrangements);
        var before = await ha.ListArrangementsAsync(new() { SubcontractId = subcontract.Id, ActiveOn = Date(2027, 2, 1) });
        Assert.Empty(before.Arrangements);

        var delinde = await _s.Arrangements(Callers.OaDeLinde);
        var all = await delinde.ListArrangementsAsync(new() { PageSize = 500 });
        Assert.All(all.Arrangements, a => Assert.Contains(a.Versions, v => v.Terms.ExecutorProviderId == DemoIds.DeLinde));
        var noorderlicht = await _s.Arrangements(Callers.OaNoorderlicht);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await noorderlicht.GetArrangementAsync(new() { ArrangementId = decided.Id }));
        var oost = await _s.Arrangements(Callers.HaOost);
        Assert.Empty((await oost.ListArrangementsAsync(new() { SubcontractId = subcontract.Id })).Arrangements);
    }

    [Fact]
    public async Task Demo_data_has_a_realistic_mix_per_area()
    {
        hosts.RequireAvailable();
        var ha = await _s.Arrangements(Callers.HaZuid);
        var states = new HashSet<ArrangementState>();
        var types = new HashSet<SupportType>();
        var initiative = 0;
        var token = "";
        do
        {
            var page = await ha.ListArrangementsAsync(new() { PageSize = 500, PageToken = token, AreaId = 4 });
            foreach (var a in page.Arrangements)
            {
                states.Add(a.State);
                types.Add(a.SupportType);
                initiative += a.Versions.Any(v => v.Terms.ViaInitiative) ? 1 : 0;
            }
            token = page.NextPageToken;
        }
        while (token != "");
        Assert.Contains(ArrangementState.Active, states);
        Assert.Contains(ArrangementState.AwaitingWijApproval, states);
        Assert.Contains(ArrangementState.DecisionIssued, states);
        Assert.Contains(SupportType.Aanvullend, types);
        Assert.Contains(SupportType.Basis, types);
        Assert.True(initiative > 10);
        var noorderlicht = await _s.Arrangements(Callers.OaNoorderlicht);
        Assert.NotEmpty((await noorderlicht.ListArrangementsAsync(new() { PageSize = 5 })).Arrangements);
        var clients = await _s.Clients(Callers.HaZuid);
        Assert.True((await clients.ListClientsAsync(new() { PageSize = 500, AreaId = 4 })).Clients.Count >= 250);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteArrangementFlowTests(SqliteHosts hosts) : ArrangementFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresArrangementFlowTests(PostgresHosts hosts) : ArrangementFlowTests(hosts);
