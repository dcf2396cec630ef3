using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    public Task<ServerResult<ArrangementView>> GetArrangementAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.GetArrangement), async options =>
            ToView((await arrangements.GetArrangementAsync(new GetArrangementRequest { ArrangementId = id }, options)).Arrangement),
            cancellationToken);

    /// <summary>The client's accepted referrals, which an arrangement may serve.</summary>
    public Task<ServerResult<IReadOnlyList<ReferralChoice>>> ListAcceptedReferralsAsync(string clientId, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<ReferralChoice>>(nameof(ClientService.ClientServiceClient.ListReferrals), async options =>
            (await clients.ListReferralsAsync(new ListReferralsRequest { ClientId = clientId, State = ReferralState.Accepted, PageSize = 100 }, options))
                .Referrals.Select(r => new ReferralChoice(r.Id, r.WijTeam, ToDateTime(r.ReferredAt), r.Goals.Select(g => g.Description).ToList())).ToList(),
            cancellationToken);

    /// <summary>
    /// Registers the request (idempotent on the form's request id) and records the decision. When the decision is
    /// refused the arrangement stays requested; sending the same form again finds it and decides again.
    /// </summary>
    public Task<ServerResult<ArrangementView>> CreateAndDecideArrangementAsync(
        string clientId, NewArrangementInput input, int volume, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.CreateArrangement), async options =>
        {
            var created = (await arrangements.CreateArrangementAsync(new CreateArrangementRequest
            {
                RequestId = input.RequestId,
                ClientId = clientId,
                EntryChannel = input.EntryChannel,
                ReferralId = input.EntryChannel == EntryChannel.WijReferral ? input.ReferralId : string.Empty,
            }, options)).Arrangement;
            var decided = await arrangements.DecideArrangementAsync(new DecideArrangementRequest
            {
                ArrangementId = created.Id,
                Decision = new ArrangementDecision
                {
                    SupportType = input.SupportType,
                    Product = input.Product,
                    Unit = input.Unit,
                    Terms = input.Terms.ToProto(volume),
                    StartDate = ToProtoDate(input.StartDate),
                    EndDate = ToProtoDate(input.EndDate),
                    Note = input.Note.Trim(),
                },
            }, Options(cancellationToken));
            return ToView(decided.Arrangement);
        }, cancellationToken);

    /// <summary>Records that care started on the decided start date (basis DECIDED or aanvullend DECISION_ISSUED → ACTIVE).</summary>
    public Task<ServerResult<ArrangementView>> StartArrangementAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.StartArrangement), async options =>
            ToView((await arrangements.StartArrangementAsync(new StartArrangementRequest { ArrangementId = id }, options)).Arrangement),
            cancellationToken);

    public Task<ServerResult<ArrangementView>> ChangeArrangementTermsAsync(
        string id, DateOnly? effectiveFrom, TermsInput terms, int volume, string note, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.ChangeArrangementTerms), async options =>
            ToView((await arrangements.ChangeArrangementTermsAsync(new ChangeArrangementTermsRequest
            {
                ArrangementId = id,
                EffectiveFrom = ToProtoDate(effectiveFrom),
                Terms = terms.ToProto(volume),
                Note = note.Trim(),
            }, options)).Arrangement),
            cancellationToken);

    public Task<ServerResult<ArrangementView>> ChangeArrangementEndDateAsync(string id, DateOnly? endDate, string note, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.ChangeArrangementEndDate), async options =>
            ToView((await arrangements.ChangeArrangementEndDateAsync(new ChangeArrangementEndDateRequest
            {
                ArrangementId = id,
                EndDate = ToProtoDate(endDate),
                Note = note.Trim(),
            }, options)).Arrangement),
            cancellationToken);
}
