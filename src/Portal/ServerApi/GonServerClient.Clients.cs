using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    /// <param name="orderBy">The Server's order_by ("name", "birth_date desc"); empty for its own order.</param>
    public Task<ServerResult<Page<ClientView>>> ListClientsAsync(ClientQuery query, string pageToken, int pageSize, CancellationToken cancellationToken = default, string orderBy = "") =>
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
                OrderBy = orderBy,
            };
            var response = await clients.ListClientsAsync(request, options);
            return new Page<ClientView>(response.Clients.Select(ToView).ToList(), response.NextPageToken);
        }, cancellationToken);

    public Task<ServerResult<ClientView>> GetClientAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ClientService.ClientServiceClient.GetClient), async options =>
            ToView((await clients.GetClientAsync(new GetClientRequest { ClientId = id }, options)).Client),
            cancellationToken);

    /// <summary>
    /// Referrals with their outcome: the client's name and the state of each arrangement made for it. WIJ sees the ones it
    /// made, a hoofdaanbieder the ones made to it.
    /// </summary>
    public Task<ServerResult<Page<ReferralView>>> ListReferralsAsync(ReferralState state, string pageToken, int pageSize, CancellationToken cancellationToken = default, string orderBy = "") =>
        CallAsync(nameof(ClientService.ClientServiceClient.ListReferrals), async options =>
        {
            var response = await clients.ListReferralsAsync(new ListReferralsRequest { State = state, PageToken = pageToken, PageSize = pageSize, OrderBy = orderBy }, options);
            var names = await ClientNamesAsync(response.Referrals.Select(r => r.ClientId), cancellationToken);
            var outcome = await Task.WhenAll(response.Referrals.SelectMany(r => r.ArrangementIds).Distinct().Select(async id =>
                (await arrangements.GetArrangementAsync(new GetArrangementRequest { ArrangementId = id }, Options(cancellationToken))).Arrangement));
            var arrangementOf = outcome.ToDictionary(a => a.Id);
            var rows = response.Referrals.Select(r => new ReferralView(
                r.Id,
                r.ClientId,
                names.GetValueOrDefault(r.ClientId, string.Empty),
                r.AreaId,
                r.HoofdaanbiederName,
                r.WijTeam,
                r.Goals.Select(g => g.Description).ToList(),
                r.State,
                ToDateTime(r.ReferredAt),
                r.CloseReason,
                r.ArrangementIds.Select(id => arrangementOf[id]).Select(a => new ArrangementSummary(a.Id, a.SupportType, a.Product, a.State)).ToList())
            {
                IndicatedProducts = r.IndicatedProducts.ToList(),
                SelfDirected = r.SelfDirected,
                Note = r.Note,
            }).ToList();
            return new Page<ReferralView>(rows, response.NextPageToken);
        }, cancellationToken);

    /// <summary>
    /// Registers a resident in an area (WIJ before referring, a hoofdaanbieder for direct entry). A resident whose BSN is
    /// already known in the area is returned as it is, with <see cref="RegisteredClient.Existing"/>.
    /// </summary>
    public Task<ServerResult<RegisteredClient>> RegisterClientAsync(ResidentInput input, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ClientService.ClientServiceClient.CreateClient), async options =>
        {
            var request = new CreateClientRequest
            {
                RequestId = input.RequestId,
                AreaId = input.AreaId,
                Bsn = GonPortal.Portal.Clients.BsnCheck.Clean(input.Bsn),
                GivenNames = input.GivenNames?.Trim() ?? string.Empty,
                Initials = input.Initials?.Trim() ?? string.Empty,
                SurnamePrefix = input.SurnamePrefix?.Trim() ?? string.Empty,
                Surname = input.Surname?.Trim() ?? string.Empty,
                DateOfBirth = ToProtoDate(input.DateOfBirth),
                Postcode = input.Postcode?.Trim() ?? string.Empty,
                ContactDetails = new ContactDetails
                {
                    City = input.City?.Trim() ?? string.Empty,
                    PhoneNumber = input.Phone?.Trim() ?? string.Empty,
                },
            };
            var response = await clients.CreateClientAsync(request, options);
            return new RegisteredClient(ToView(response.Client), response.Existing);
        }, cancellationToken);

    /// <summary>WIJ refers a registered client to the hoofdaanbieder of the client's area.</summary>
    public Task<ServerResult<ReferralMade>> CreateReferralAsync(string clientId, ReferralInput input, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ClientService.ClientServiceClient.CreateReferral), async options =>
        {
            var request = new CreateReferralRequest
            {
                RequestId = input.RequestId,
                ClientId = clientId,
                WijTeam = input.WijTeam?.Trim() ?? string.Empty,
                SelfDirected = input.SelfDirected,
                Note = input.Note?.Trim() ?? string.Empty,
            };
            request.Goals.AddRange(input.GoalList());
            request.IndicatedProducts.AddRange(input.IndicatedProducts.Order());
            var referral = (await clients.CreateReferralAsync(request, options)).Referral;
            return new ReferralMade(referral.Id, referral.HoofdaanbiederName);
        }, cancellationToken);

    /// <summary>The hoofdaanbieder accepts a referral into support.</summary>
    public Task<ServerResult<ReferralState>> AcceptReferralAsync(string referralId, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ClientService.ClientServiceClient.AcceptReferral), async options =>
            (await clients.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referralId }, options)).Referral.State,
            cancellationToken);

    /// <summary>The hoofdaanbieder returns a referral to WIJ with a reason.</summary>
    public Task<ServerResult<ReferralState>> ReturnReferralAsync(string referralId, string reason, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ClientService.ClientServiceClient.ReturnReferral), async options =>
            (await clients.ReturnReferralAsync(new ReturnReferralRequest { ReferralId = referralId, Reason = reason.Trim() }, options)).Referral.State,
            cancellationToken);

    /// <summary>Display names of clients the caller may see, by id (one GetClient per distinct client).</summary>
    private async Task<Dictionary<string, string>> ClientNamesAsync(IEnumerable<string> clientIds, CancellationToken cancellationToken)
    {
        var names = await Task.WhenAll(clientIds.Distinct().Select(async id =>
            (id, name: (await clients.GetClientAsync(new GetClientRequest { ClientId = id }, Options(cancellationToken))).Client.DisplayName)));
        return names.ToDictionary(n => n.id, n => n.name);
    }

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
