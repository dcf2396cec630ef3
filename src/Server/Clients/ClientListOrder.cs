using GonPortal.Server.Paging;
using DomainClient = GonPortal.Domain.Clients.Client;
using DomainReferral = GonPortal.Domain.Referrals.Referral;

namespace GonPortal.Server.Clients;

/// <summary>The order_by fields of ListClients and ListReferrals (listed in clients.proto).</summary>
public static class ClientListOrder
{
    /// <summary>"name" is the surname, then the given names, as the default order, but without regard to case.</summary>
    public static readonly SortFields<DomainClient> Clients = new SortFields<DomainClient>(
            q => q.OrderBy(c => c.Surname).ThenBy(c => c.GivenNames).ThenBy(c => c.Id), c => c.Id)
        .Add("name", c => c.Surname.ToLower(), c => (c.GivenNames ?? "").ToLower())
        .Add("birth_date", c => c.DateOfBirth)
        .Add("postcode", c => c.Postcode)
        .Add("area_id", c => c.AreaId);

    /// <summary>
    /// "client_name" is the client's "name" order (surname, then given names or initials, case ignored) over the
    /// caller's view of clients; "hoofdaanbieder" the receiving provider's name; "state" the process order
    /// (verwezen, geaccepteerd, teruggestuurd, ingetrokken).
    /// </summary>
    public static readonly SortFields<DomainReferral> Referrals = new SortFields<DomainReferral>(
            q => q.OrderByDescending(r => r.ReferredAt).ThenBy(r => r.Id), r => r.Id)
        .Add("referred_at", r => r.ReferredAt)
        .Add("wij_team", r => (r.WijTeam ?? "").ToLower())
        .Add("area_id", r => r.AreaId)
        .Add("state", EnumOrder.Of((DomainReferral r) => r.State))
        .AddJoined("client_name",
            s => r => s.Clients.Where(c => c.Id == r.ClientId).Select(c => c.Surname.ToLower()).FirstOrDefault() ?? "",
            s => r => s.Clients.Where(c => c.Id == r.ClientId).Select(c => (c.GivenNames ?? c.Initials ?? "").ToLower()).FirstOrDefault() ?? "")
        .AddJoined("hoofdaanbieder",
            s => r => s.Providers.Where(p => p.Id == r.HoofdaanbiederId).Select(p => p.Name.ToLower()).FirstOrDefault() ?? "");
}
