using GonPortal.Server.Paging;
using DomainArrangement = GonPortal.Domain.Arrangements.Arrangement;

namespace GonPortal.Server.Arrangements;

/// <summary>The order_by fields of ListArrangements (listed in arrangements.proto).</summary>
public static class ArrangementListOrder
{
    /// <summary>
    /// An arrangement without a start or end date (not yet decided; an end date also for "onbepaalde tijd") sorts as
    /// the latest date on both databases, instead of where each database puts a NULL. "client_name" and
    /// "hoofdaanbieder" look into the caller's view of clients and the providers (<see cref="ListSources"/>);
    /// "product" is the product code order (begeleiding, dagbesteding, kortdurend verblijf), no product first.
    /// </summary>
    public static readonly SortFields<DomainArrangement> Arrangements = new SortFields<DomainArrangement>(
            q => q.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id), a => a.Id)
        .Add("created_at", a => a.CreatedAt)
        .Add("start_date", a => a.StartDate ?? DateOnly.MaxValue)
        .Add("end_date", a => a.EndDate ?? DateOnly.MaxValue)
        .Add("area_id", a => a.AreaId)
        .Add("product", EnumOrder.Of((DomainArrangement a) => a.Product))
        .AddJoined("client_name",
            s => a => s.Clients.Where(c => c.Id == a.ClientId).Select(c => c.Surname.ToLower()).FirstOrDefault() ?? "",
            s => a => s.Clients.Where(c => c.Id == a.ClientId).Select(c => (c.GivenNames ?? c.Initials ?? "").ToLower()).FirstOrDefault() ?? "")
        .AddJoined("hoofdaanbieder",
            s => a => s.Providers.Where(p => p.Id == a.TenantId).Select(p => p.Name.ToLower()).FirstOrDefault() ?? "");
}
