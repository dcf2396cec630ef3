using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    /// <summary>At most this many entries go into one downloaded access report (a few years of daily care).</summary>
    public const int MaxClientAccessRows = 20_000;

    /// <summary>Who read or changed one client's data, newest first (the AVG access request). Gemeente and the client's hoofdaanbieder.</summary>
    public Task<ServerResult<Page<ClientAccessView>>> ListClientAccessAsync(string clientId, string pageToken, int pageSize, CancellationToken cancellationToken = default, string orderBy = "") =>
        CallAsync(nameof(AuditService.AuditServiceClient.ListClientAccess), async options =>
        {
            var response = await audit.ListClientAccessAsync(new ListClientAccessRequest { ClientId = clientId, PageToken = pageToken, PageSize = pageSize, OrderBy = orderBy }, options);
            return new Page<ClientAccessView>(response.Entries.Select(ToAccessView).ToList(), response.NextPageToken);
        }, cancellationToken);

    /// <summary>The whole report for the downloadable file (every page, up to <see cref="MaxClientAccessRows"/>).</summary>
    public Task<ServerResult<IReadOnlyList<ClientAccessView>>> AllClientAccessAsync(string clientId, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<ClientAccessView>>(nameof(AuditService.AuditServiceClient.ListClientAccess), async options =>
        {
            var rows = new List<ClientAccessView>();
            var token = string.Empty;
            do
            {
                var response = await audit.ListClientAccessAsync(new ListClientAccessRequest { ClientId = clientId, PageToken = token, PageSize = 500 }, options);
                rows.AddRange(response.Entries.Select(ToAccessView));
                token = response.NextPageToken;
            }
            while (token.Length > 0 && rows.Count < MaxClientAccessRows);
            return rows;
        }, cancellationToken);

    private static ClientAccessView ToAccessView(AuditEntry e) => new(
        e.Id, ToDateTime(e.OccurredAt), e.ActorName, e.ActorSubject, e.ActorOrganisationName, e.ActorRole, e.Method, e.Resource, e.Access, e.Purpose);
}
