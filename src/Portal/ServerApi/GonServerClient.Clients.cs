using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    public Task<ServerResult<Page<ClientView>>> ListClientsAsync(ClientQuery query, string pageToken, int pageSize, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ClientService.ClientServiceClient.ListClients), async options =>
        {
            var request = new ListClientsRequest
            {
                PageSize = pageSize,
                PageToken = pageToken,
                Query = query.Text?.Trim() ?? string.Empty,
                AreaId = query.AreaId,
                Postcode = (query.Postcode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant(),
                Bsn = query.Bsn?.Trim() ?? string.Empty,
            };
            var response = await clients.ListClientsAsync(request, options);
            return new Page<ClientView>(response.Clients.Select(ToView).ToList(), response.NextPageToken);
        }, cancellationToken);

    public Task<ServerResult<ClientView>> GetClientAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ClientService.ClientServiceClient.GetClient), async options =>
            ToView((await clients.GetClientAsync(new GetClientRequest { ClientId = id }, options)).Client),
            cancellationToken);

    /// <summary>WIJ's referrals with their outcome: the client's name and the state of each arrangement made for it.</summary>
    public Task<ServerResult<Page<ReferralView>>> ListReferralsAsync(ReferralState state, string pageToken, int pageSize, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ClientService.ClientServiceClient.ListReferrals), async options =>
        {
            var response = await clients.ListReferralsAsync(new ListReferralsRequest { State = state, PageToken = pageToken, PageSize = pageSize }, options);
            var names = await Task.WhenAll(response.Referrals.Select(r => r.ClientId).Distinct().Select(async id =>
                (id, name: (await clients.GetClientAsync(new GetClientRequest { ClientId = id }, Options(cancellationToken))).Client.DisplayName)));
            var nameOf = names.ToDictionary(n => n.id, n => n.name);
            var outcome = await Task.WhenAll(response.Referrals.SelectMany(r => r.ArrangementIds).Distinct().Select(async id =>
                (await arrangements.GetArrangementAsync(new GetArrangementRequest { ArrangementId = id }, Options(cancellationToken))).Arrangement));
            var arrangementOf = outcome.ToDictionary(a => a.Id);
            var rows = response.Referrals.Select(r => new ReferralView(
                r.Id,
                r.ClientId,
                nameOf.GetValueOrDefault(r.ClientId, string.Empty),
                r.AreaId,
                r.HoofdaanbiederName,
                r.WijTeam,
                r.Goals.Select(g => g.Description).ToList(),
                r.State,
                ToDateTime(r.ReferredAt),
                r.CloseReason,
                r.ArrangementIds.Select(id => arrangementOf[id]).Select(a => new ArrangementSummary(a.Id, a.SupportType, a.Product, a.State)).ToList())).ToList();
            return new Page<ReferralView>(rows, response.NextPageToken);
        }, cancellationToken);

    private static ClientView ToView(Client c) => new(
        c.Id,
        c.AreaId,
        c.DisplayName,
        c.Bsn,
        ToDateOnly(c.DateOfBirth),
        c.Postcode,
        c.ContactDetails?.City ?? string.Empty,
        c.ContactDetails?.PhoneNumber ?? string.Empty,
        c.ContactDetails?.Email ?? string.Empty);
}
