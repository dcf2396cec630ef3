using GonPortal.Domain.Clients;
using GonPortal.Domain.Providers;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;

namespace GonPortal.Server.Paging;

/// <summary>
/// The other sets a list's order_by may look into: a client's name or a provider's name is not on the listed row.
/// <see cref="Clients"/> must be the caller's own view of the clients (the tenant filter, or the gemeente's audited
/// read alongside the list), so sorting never looks at a client the caller could not see; a row whose client is not
/// visible sorts as an empty name.
/// </summary>
public sealed record ListSources(IQueryable<Client> Clients, IQueryable<Provider> Providers)
{
    /// <summary>For a list read through <see cref="CrossTenantAccess.VisibleAsync{T}"/>: call it after that read.</summary>
    public static ListSources Alongside(CrossTenantAccess crossTenant, GonDbContext db) =>
        new(crossTenant.AlongsideRead<Client>(), db.Providers);
}
