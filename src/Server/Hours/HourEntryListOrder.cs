using GonPortal.Server.Paging;
using DomainEntry = GonPortal.Domain.Hours.HourEntry;

namespace GonPortal.Server.Hours;

/// <summary>The order_by fields of ListHourEntries (listed in hours.proto).</summary>
public static class HourEntryListOrder
{
    /// <summary>
    /// "client_name" is the client's "name" order over the caller's view of clients; "reported_by" the reporting
    /// provider's name, the hoofdaanbieder's own staff first (the portal shows them as "Eigen medewerkers", not by name); "product" the product code order; "status" the review order (ingediend, goedgekeurd,
    /// afgekeurd); "activity_note" the note, case ignored.
    /// </summary>
    public static readonly SortFields<DomainEntry> Entries = new SortFields<DomainEntry>(
            q => q.OrderByDescending(e => e.ServiceDate).ThenBy(e => e.Id), e => e.Id)
        .Add("service_date", e => e.ServiceDate)
        .Add("quantity", e => e.Quantity)
        .Add("submitted_at", e => e.SubmittedAt)
        .Add("product", EnumOrder.Of((DomainEntry e) => e.Product))
        .Add("status", EnumOrder.Of((DomainEntry e) => e.Status))
        .Add("activity_note", e => e.ActivityNote.ToLower())
        .AddJoined("client_name",
            s => e => s.Clients.Where(c => c.Id == e.ClientId).Select(c => c.Surname.ToLower()).FirstOrDefault() ?? "",
            s => e => s.Clients.Where(c => c.Id == e.ClientId).Select(c => (c.GivenNames ?? c.Initials ?? "").ToLower()).FirstOrDefault() ?? "")
        .AddJoined("reported_by",
            s => e => e.ReportedByProviderId == e.TenantId
                ? ""
                : s.Providers.Where(p => p.Id == e.ReportedByProviderId).Select(p => p.Name.ToLower()).FirstOrDefault() ?? "");
}
