using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Clients;

/// <summary>
/// Display names for client ids on rows the caller already read: through the caller's own view of clients (the tenant
/// filter, or for the gemeente alongside the audited read that opened the rows), so no name the caller could not see
/// is ever looked up. An id whose client is not visible has no entry.
/// </summary>
public static class ClientNames
{
    public static async Task<Dictionary<Guid, string>> ClientNamesAsync(this CrossTenantAccess crossTenant, IEnumerable<Guid> clientIds, CancellationToken ct)
    {
        var ids = clientIds.Distinct().ToList();
        return ids.Count == 0 ? [] : await crossTenant.AlongsideRead<Domain.Clients.Client>().AsNoTracking()
            .Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.DisplayName }).ToDictionaryAsync(c => c.Id, c => c.DisplayName, ct);
    }
}
