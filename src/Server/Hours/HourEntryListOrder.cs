using GonPortal.Server.Paging;
using DomainEntry = GonPortal.Domain.Hours.HourEntry;

namespace GonPortal.Server.Hours;

/// <summary>The order_by fields of ListHourEntries (listed in hours.proto).</summary>
public static class HourEntryListOrder
{
    public static readonly SortFields<DomainEntry> Entries = new SortFields<DomainEntry>(
            q => q.OrderByDescending(e => e.ServiceDate).ThenBy(e => e.Id), e => e.Id)
        .Add("service_date", e => e.ServiceDate)
        .Add("quantity", e => e.Quantity)
        .Add("submitted_at", e => e.SubmittedAt);
}
