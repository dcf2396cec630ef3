using System.Globalization;
using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    /// <summary>The area's shares on a date (unset: the Server's today).</summary>
    public Task<ServerResult<AreaSharesView>> GetAreaSharesAsync(int areaId, DateOnly? date, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ReportingService.ReportingServiceClient.GetAreaShares), async options =>
        {
            var s = (await reporting.GetAreaSharesAsync(new GetAreaSharesRequest { AreaId = areaId, Date = ToProtoDate(date) }, options)).AreaShares;
            return new AreaSharesView(s.AreaId, ToDateOnly(s.Date), s.Year, ToView(s.BasisShare), ToView(s.InitiativeShare), s.IsYearEnd);
        }, cancellationToken);

    public Task<ServerResult<IReadOnlyList<ProductVolumeView>>> ListProductVolumesAsync(int areaId, int year, int month, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<ProductVolumeView>>(nameof(ReportingService.ReportingServiceClient.ListProductVolumes), async options =>
        {
            var response = await reporting.ListProductVolumesAsync(new ListProductVolumesRequest { AreaId = areaId, Year = year, Month = month }, options);
            return response.Rows.Select(r => new ProductVolumeView(
                r.Product, r.Unit, r.ArrangementCount,
                Display(r.Figures.AllocatedQuantity), r.Figures.ApprovedQuantity, r.Figures.SubmittedQuantity,
                Display(r.Figures.ShortfallQuantity), r.Figures.DeliveredShareBp)).ToList();
        }, cancellationToken);

    public Task<ServerResult<IReadOnlyList<ProviderVolumeView>>> ListProviderVolumesAsync(int areaId, int year, int month, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<ProviderVolumeView>>(nameof(ReportingService.ReportingServiceClient.ListProviderVolumes), async options =>
        {
            var response = await reporting.ListProviderVolumesAsync(new ListProviderVolumesRequest { AreaId = areaId, Year = year, Month = month }, options);
            return response.Rows.Select(r => new ProviderVolumeView(
                r.ExecutorProviderName, r.ExecutorKind, r.Product, r.Unit, r.ArrangementCount,
                Display(r.Figures.AllocatedQuantity), r.Figures.ApprovedQuantity, r.Figures.DeliveredShareBp)).ToList();
        }, cancellationToken);

    public Task<ServerResult<Page<AuditEntryView>>> ListAuditEntriesAsync(string pageToken, int pageSize, CancellationToken cancellationToken = default, string orderBy = "") =>
        CallAsync(nameof(AuditService.AuditServiceClient.ListAuditEntries), async options =>
        {
            var response = await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageToken = pageToken, PageSize = pageSize, OrderBy = orderBy }, options);
            return new Page<AuditEntryView>(response.Entries.Select(e => new AuditEntryView(
                e.Id, ToDateTime(e.OccurredAt), string.IsNullOrEmpty(e.ActorName) ? e.ActorSubject : e.ActorName,
                e.ActorRole, e.Method, e.Resource, e.Access, e.Purpose, e.ClientId)).ToList(), response.NextPageToken);
        }, cancellationToken);

    private static ShareView ToView(TargetAssessment t) => new(t.Numerator, t.Denominator, t.ShareBp, t.TargetBp, t.Status);

    /// <summary>The Server's display rounding of an exact figure (4 decimals); only shown, never computed with.</summary>
    private static decimal Display(Rational? value) =>
        value is not null && decimal.TryParse(value.Rounded, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0m;
}
