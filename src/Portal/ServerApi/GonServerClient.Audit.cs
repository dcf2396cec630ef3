using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    /// <summary>Who read or changed one client's data, newest first (the AVG access request). Gemeente and the client's hoofdaanbieder.</summary>
    public Task<ServerResult<Page<ClientAccessView>>> ListClientAccessAsync(string clientId, string pageToken, int pageSize, CancellationToken cancellationToken = default, string orderBy = "") =>
        CallAsync(nameof(AuditService.AuditServiceClient.ListClientAccess), async options =>
        {
            var response = await audit.ListClientAccessAsync(new ListClientAccessRequest { ClientId = clientId, PageToken = pageToken, PageSize = pageSize, OrderBy = orderBy }, options);
            return new Page<ClientAccessView>(response.Entries.Select(ToAccessView).ToList(), response.NextPageToken);
        }, cancellationToken);

    private static ClientAccessView ToAccessView(AuditEntry e) => new(
        e.Id, ToDateTime(e.OccurredAt), e.ActorName, e.ActorSubject, e.ActorOrganisationName, e.ActorRole, e.Method, e.Resource, e.Access, e.Purpose);
}
