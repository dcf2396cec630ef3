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

    /// <summary>
    /// Records that care started (basis DECIDED or aanvullend DECISION_ISSUED → ACTIVE), on the given day or, without one,
    /// on the decided start date.
    /// </summary>
    public Task<ServerResult<ArrangementView>> StartArrangementAsync(string id, DateOnly? startDate = null, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.StartArrangement), async options =>
            ToView((await arrangements.StartArrangementAsync(new StartArrangementRequest { ArrangementId = id, StartDate = ToProtoDate(startDate) }, options)).Arrangement),
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

    /// <summary>
    /// One page of the arrangements in a state, with the clients' names: WIJ's aanvullend decisions awaiting its last
    /// say, or the gemeente's advised ones awaiting a beschikking.
    /// </summary>
    public Task<ServerResult<Page<ArrangementRow>>> ListArrangementsInStateAsync(
        ArrangementState state, string pageToken, int pageSize, CancellationToken cancellationToken = default, string orderBy = "") =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.ListArrangements), async options =>
        {
            var response = await arrangements.ListArrangementsAsync(
                new ListArrangementsRequest { State = state, PageToken = pageToken, PageSize = pageSize, OrderBy = orderBy }, options);
            var names = await ClientNamesAsync(response.Arrangements.Select(a => a.ClientId), cancellationToken);
            return new Page<ArrangementRow>(
                response.Arrangements.Select(a => new ArrangementRow(ToView(a), names.GetValueOrDefault(a.ClientId, string.Empty))).ToList(),
                response.NextPageToken);
        }, cancellationToken);

    /// <summary>WIJ agrees with an aanvullend decision (its last say) and advises the gemeente.</summary>
    public Task<ServerResult<ArrangementView>> ApproveArrangementAsync(string id, string note, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.ApproveArrangement), async options =>
            ToView((await arrangements.ApproveArrangementAsync(new ApproveArrangementRequest { ArrangementId = id, Note = note.Trim() }, options)).Arrangement),
            cancellationToken);

    /// <summary>WIJ disagrees with an aanvullend decision, with a reason for the hoofdaanbieder.</summary>
    public Task<ServerResult<ArrangementView>> RejectArrangementAsync(string id, string reason, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.RejectArrangement), async options =>
            ToView((await arrangements.RejectArrangementAsync(new RejectArrangementRequest { ArrangementId = id, Reason = reason.Trim() }, options)).Arrangement),
            cancellationToken);

    /// <summary>The gemeente records the beschikking of an advised aanvullend arrangement.</summary>
    public Task<ServerResult<ArrangementView>> RecordBeschikkingAsync(string id, BeschikkingInput input, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.RecordBeschikking), async options =>
            ToView((await arrangements.RecordBeschikkingAsync(new RecordBeschikkingRequest
            {
                ArrangementId = id,
                BeschikkingNumber = input.Number?.Trim() ?? string.Empty,
                DecisionDate = ToProtoDate(input.DecisionDate),
                ValidFrom = ToProtoDate(input.ValidFrom),
                ValidTo = ToProtoDate(input.ValidTo),
            }, options)).Arrangement),
            cancellationToken);

    /// <summary>Ends an active arrangement on a day with a reason (final).</summary>
    public Task<ServerResult<ArrangementView>> EndArrangementAsync(
        string id, DateOnly? endDate, ArrangementEndReason reason, string note, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.EndArrangement), async options =>
            ToView((await arrangements.EndArrangementAsync(new EndArrangementRequest
            {
                ArrangementId = id,
                EndDate = ToProtoDate(endDate),
                Reason = reason,
                Note = note.Trim(),
            }, options)).Arrangement),
            cancellationToken);

    /// <summary>Cancels an arrangement that never started, with a reason (final): the hoofdaanbieder, or the gemeente instead of a beschikking.</summary>
    public Task<ServerResult<ArrangementView>> CancelArrangementAsync(string id, string reason, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.CancelArrangement), async options =>
            ToView((await arrangements.CancelArrangementAsync(new CancelArrangementRequest { ArrangementId = id, Reason = reason.Trim() }, options)).Arrangement),
            cancellationToken);

    /// <summary>
    /// Decides an arrangement again (after WIJ rejected it, or when it is still only requested): the new decision replaces
    /// the previous one, which stays in the history. Aanvullend goes to WIJ again.
    /// </summary>
    public Task<ServerResult<ArrangementView>> DecideArrangementAsync(string id, NewArrangementInput input, int volume, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(SupportArrangementService.SupportArrangementServiceClient.DecideArrangement), async options =>
            ToView((await arrangements.DecideArrangementAsync(new DecideArrangementRequest
            {
                ArrangementId = id,
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
            }, options)).Arrangement),
            cancellationToken);
}
