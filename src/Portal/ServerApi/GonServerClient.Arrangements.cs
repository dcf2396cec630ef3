using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    /// <summary>A client's arrangements, each with its transition history.</summary>
    public Task<ServerResult<IReadOnlyList<(ArrangementView Arrangement, IReadOnlyList<TransitionView> History)>>> ListClientArrangementsAsync(
        string clientId, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<(ArrangementView, IReadOnlyList<TransitionView>)>>(nameof(SupportArrangementService.SupportArrangementServiceClient.ListArrangements), async options =>
        {
            var response = await arrangements.ListArrangementsAsync(new ListArrangementsRequest { ClientId = clientId, PageSize = 100 }, options);
            var histories = await Task.WhenAll(response.Arrangements.Select(async a =>
            {
                var transitions = await arrangements.ListArrangementTransitionsAsync(
                    new ListArrangementTransitionsRequest { ArrangementId = a.Id, PageSize = 500 }, Options(cancellationToken));
                return ((ArrangementView)ToView(a), (IReadOnlyList<TransitionView>)transitions.Transitions.Select(ToView).ToList());
            }));
            return histories;
        }, cancellationToken);

    /// <summary>
    /// The arrangements the onderaannemer executes (the Server shows it only those), with the clients' names.
    /// </summary>
    /// <param name="state">State filter; unspecified for all.</param>
    /// <param name="activeOn">Only arrangements the Server says are active on one of these days; empty for any.</param>
    public Task<ServerResult<IReadOnlyList<AssignmentView>>> ListAssignmentsAsync(ArrangementState state, IReadOnlyList<DateOnly> activeOn, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<AssignmentView>>(nameof(SupportArrangementService.SupportArrangementServiceClient.ListArrangements), async options =>
        {
            var list = new Dictionary<string, SupportArrangement>(StringComparer.Ordinal);
            foreach (var day in activeOn.Count == 0 ? [null] : activeOn.Select(d => (DateOnly?)d))
            {
                var request = new ListArrangementsRequest { State = state, PageSize = 500, ActiveOn = ToProtoDate(day) };
                do
                {
                    var response = await arrangements.ListArrangementsAsync(request, Options(cancellationToken));
                    foreach (var a in response.Arrangements)
                    {
                        list[a.Id] = a;
                    }

                    request.PageToken = response.NextPageToken;
                }
                while (!string.IsNullOrEmpty(request.PageToken) && list.Count < 5000);
            }

            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var clientRequest = new ListClientsRequest { PageSize = 500 };
            do
            {
                var response = await clients.ListClientsAsync(clientRequest, Options(cancellationToken));
                foreach (var c in response.Clients)
                {
                    names[c.Id] = c.DisplayName;
                }

                clientRequest.PageToken = response.NextPageToken;
            }
            while (!string.IsNullOrEmpty(clientRequest.PageToken) && names.Count < 5000);

            return list.Values.Select(a => new AssignmentView(ToView(a), names.GetValueOrDefault(a.ClientId, string.Empty))).ToList();
        }, cancellationToken);

    private static ArrangementView ToView(SupportArrangement a) => new(
        a.Id,
        a.ClientId,
        a.AreaId,
        a.HoofdaanbiederName,
        a.State,
        a.SupportType,
        a.Product,
        a.Unit,
        ToDateOnly(a.StartDate),
        ToDateOnly(a.EndDate),
        a.Versions.Select(v => new VersionView(
            v.Version,
            ToDateOnly(v.EffectiveFrom),
            ToDateOnly(v.EffectiveTo),
            v.Terms.Volume,
            v.Terms.Frequency,
            v.Terms.ExecutorKind,
            v.Terms.ExecutorProviderName,
            v.Terms.ExecutorProviderId,
            v.Terms.ViaInitiative,
            v.Terms.InitiativeName,
            v.Note)).ToList(),
        a.Beschikkingen.Select(b => new BeschikkingView(b.BeschikkingNumber, ToDateOnly(b.DecisionDate), ToDateOnly(b.ValidFrom), ToDateOnly(b.ValidTo))).ToList())
    {
        EntryChannel = a.EntryChannel,
        DecisionNote = a.DecisionNote,
        WijReviewNote = a.WijReviewNote,
        EndReason = a.EndReason,
        EndNote = a.EndNote,
    };

    private static TransitionView ToView(ArrangementTransition t) => new(
        t.Sequence,
        t.Action,
        t.FromState,
        t.ToState,
        ToDateTime(t.OccurredAt),
        string.IsNullOrEmpty(t.ActorName) ? t.ActorSubject : t.ActorName,
        t.ActorRole,
        t.Reason,
        ToDateOnly(t.Date));
}
