using System.Globalization;
using GonPortal.Contracts.V1;
using Grpc.Core;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    public Task<ServerResult<Page<HourEntryView>>> ListHourEntriesAsync(
        HourFilter filter, string pageToken, int pageSize, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(HourService.HourServiceClient.ListHourEntries), async options =>
        {
            var response = await hours.ListHourEntriesAsync(new ListHourEntriesRequest
            {
                Status = filter.Status,
                ReportedByProviderId = filter.ReporterId ?? string.Empty,
                ServiceDateFrom = ToProtoDate(filter.From),
                ServiceDateTo = ToProtoDate(filter.To),
                PageToken = pageToken,
                PageSize = pageSize,
            }, options);
            return new Page<HourEntryView>(response.HourEntries.Select(ToView).ToList(), response.NextPageToken);
        }, cancellationToken);

    /// <summary>A page of the review queue with the total that matches the filter.</summary>
    public Task<ServerResult<HourReviewPage>> ListHourReviewPageAsync(
        HourFilter filter, string pageToken, int pageSize, CancellationToken cancellationToken = default, string orderBy = "") =>
        CallAsync(nameof(HourService.HourServiceClient.ListHourEntries), async options =>
        {
            var response = await hours.ListHourEntriesAsync(new ListHourEntriesRequest
            {
                Status = filter.Status,
                ReportedByProviderId = filter.ReporterId ?? string.Empty,
                ArrangementId = filter.ArrangementId ?? string.Empty,
                ServiceDateFrom = ToProtoDate(filter.From),
                ServiceDateTo = ToProtoDate(filter.To),
                PageToken = pageToken,
                PageSize = pageSize,
                IncludeTotalCount = true,
                OrderBy = orderBy,
            }, options);
            return new HourReviewPage(response.HourEntries.Select(ToView).ToList(), response.NextPageToken, response.TotalCount);
        }, cancellationToken);

    /// <summary>Approves every submitted entry of the scope; <paramref name="confirmedCount"/> is the number the person saw.</summary>
    public Task<ServerResult<int>> ApproveHourEntriesByFilterAsync(HourReviewScope scope, int confirmedCount, string requestId, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(HourService.HourServiceClient.ApproveHourEntriesByFilter), async options =>
            (await hours.ApproveHourEntriesByFilterAsync(new ApproveHourEntriesByFilterRequest
            {
                RequestId = requestId, Filter = ToFilter(scope), ExpectedCount = confirmedCount,
            }, options)).ChangedCount, cancellationToken);

    /// <summary>Rejects every submitted entry of the scope with a reason.</summary>
    public Task<ServerResult<int>> RejectHourEntriesByFilterAsync(HourReviewScope scope, int confirmedCount, string reason, string requestId, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(HourService.HourServiceClient.RejectHourEntriesByFilter), async options =>
            (await hours.RejectHourEntriesByFilterAsync(new RejectHourEntriesByFilterRequest
            {
                RequestId = requestId, Filter = ToFilter(scope), ExpectedCount = confirmedCount, Reason = reason,
            }, options)).ChangedCount, cancellationToken);

    /// <summary>Undoes approvals (possible until the statement run of the month).</summary>
    public Task<ServerResult<int>> UndoHourEntryApprovalsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(HourService.HourServiceClient.UndoHourEntryApprovals), async options =>
        {
            var request = new UndoHourEntryApprovalsRequest();
            request.HourEntryIds.AddRange(ids);
            return (await hours.UndoHourEntryApprovalsAsync(request, options)).HourEntries.Count;
        }, cancellationToken);

    /// <summary>Allocated, approved and submitted volume per arrangement in one area and month (for the review's totals).</summary>
    public Task<ServerResult<IReadOnlyDictionary<string, ArrangementMonthVolume>>> ArrangementMonthVolumesAsync(
        int areaId, int year, int month, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyDictionary<string, ArrangementMonthVolume>>(nameof(ReportingService.ReportingServiceClient.ListArrangementVolumes), async options =>
        {
            var result = new Dictionary<string, ArrangementMonthVolume>(StringComparer.Ordinal);
            var request = new ListArrangementVolumesRequest { AreaId = areaId, Year = year, Month = month, PageSize = 500 };
            do
            {
                var response = await reporting.ListArrangementVolumesAsync(request, Options(cancellationToken));
                foreach (var row in response.Rows)
                {
                    var allocated = decimal.Parse(row.Figures.AllocatedQuantity.Numerator, CultureInfo.InvariantCulture)
                        / decimal.Parse(row.Figures.AllocatedQuantity.Denominator, CultureInfo.InvariantCulture);
                    result[row.ArrangementId] = new ArrangementMonthVolume(allocated, row.Figures.ApprovedQuantity, row.Figures.SubmittedQuantity, row.Unit);
                }
                request.PageToken = response.NextPageToken;
            }
            while (!string.IsNullOrEmpty(request.PageToken) && result.Count < 5000);
            return result;
        }, cancellationToken);

    private static HourReviewFilter ToFilter(HourReviewScope s) => new()
    {
        ReportedByProviderId = s.ReporterId ?? string.Empty,
        ArrangementId = s.ArrangementId ?? string.Empty,
        Year = s.Year,
        Month = s.Month,
        Status = HourEntryStatus.Submitted,
    };

    /// <summary>The entries of one arrangement in a period (to show what the grid already holds).</summary>
    public Task<ServerResult<IReadOnlyList<HourEntryView>>> ListHourEntriesInPeriodAsync(
        DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<HourEntryView>>(nameof(HourService.HourServiceClient.ListHourEntries), async options =>
        {
            var request = new ListHourEntriesRequest { ServiceDateFrom = ToProtoDate(from), ServiceDateTo = ToProtoDate(to), PageSize = 500 };
            var list = new List<HourEntryView>();
            do
            {
                var response = await hours.ListHourEntriesAsync(request, Options(cancellationToken));
                list.AddRange(response.HourEntries.Select(ToView));
                request.PageToken = response.NextPageToken;
            }
            while (!string.IsNullOrEmpty(request.PageToken) && list.Count < 5000);
            return list;
        }, cancellationToken);

    /// <summary>
    /// Sends the entries all-or-nothing. A rejected batch is not a failure of the call for the page: the
    /// rejections come back per entry (from the HourEntryRejections status detail) so the grid can mark them.
    /// </summary>
    public async Task<ServerResult<HourSubmission>> SubmitHourEntriesAsync(IReadOnlyList<HourEntryDraft> drafts, CancellationToken cancellationToken = default)
    {
        var request = new BatchCreateHourEntriesRequest();
        request.Entries.AddRange(drafts.Select(ToInput));
        try
        {
            var response = await hours.BatchCreateHourEntriesAsync(request, Options(cancellationToken));
            return ServerResult<HourSubmission>.Ok(new HourSubmission(response.CreatedCount, response.ExistingCount, []));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument && ex.GetRpcStatus()?.GetDetail<HourEntryRejections>() is { } rejections)
        {
            return ServerResult<HourSubmission>.Ok(new HourSubmission(0, 0, rejections.Rejections.Select(ToView).ToList()));
        }
        catch (RpcException ex)
        {
            LogCallFailed(logger, nameof(HourService.HourServiceClient.BatchCreateHourEntries), ex.StatusCode, ex);
            return ServerResult<HourSubmission>.Failed(FailureFrom(ex));
        }
    }

    /// <summary>Streams the entries of an import; each is judged on its own and the rejected ones come back by index.</summary>
    public Task<ServerResult<HourSubmission>> ImportHourEntriesAsync(IReadOnlyList<HourEntryDraft> drafts, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(HourService.HourServiceClient.ImportHourEntries), async options =>
        {
            using var call = hours.ImportHourEntries(options);
            foreach (var draft in drafts)
            {
                await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = ToInput(draft) }, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            var response = await call.ResponseAsync;
            return new HourSubmission(response.CreatedCount, response.ExistingCount, response.Rejections.Select(ToView).ToList());
        }, cancellationToken);

    public Task<ServerResult<int>> ApproveHourEntriesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(HourService.HourServiceClient.ApproveHourEntries), async options =>
        {
            var request = new ApproveHourEntriesRequest();
            request.HourEntryIds.AddRange(ids);
            return (await hours.ApproveHourEntriesAsync(request, options)).HourEntries.Count;
        }, cancellationToken);

    public Task<ServerResult<int>> RejectHourEntriesAsync(IReadOnlyCollection<string> ids, string reason, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(HourService.HourServiceClient.RejectHourEntries), async options =>
        {
            var request = new RejectHourEntriesRequest { Reason = reason };
            request.HourEntryIds.AddRange(ids);
            return (await hours.RejectHourEntriesAsync(request, options)).HourEntries.Count;
        }, cancellationToken);

    private static HourEntryInput ToInput(HourEntryDraft d) => new()
    {
        EntryKey = d.EntryKey,
        ArrangementId = d.ArrangementId,
        ServiceDate = ToProtoDate(d.ServiceDate),
        Product = d.Product,
        Unit = d.Unit,
        Quantity = d.Quantity,
        ActivityNote = d.ActivityNote,
        ReversesEntryId = d.ReversesEntryId,
    };

    private static HourRejectionView ToView(HourEntryRejection r) => new(r.Index, r.EntryKey, r.Reason, r.Field, r.Message);

    private static HourEntryView ToView(HourEntry e) => new(
        e.Id,
        e.EntryKey,
        e.ArrangementId,
        e.ClientId,
        e.AreaId,
        ToDateOnly(e.ServiceDate),
        e.Product,
        e.Unit,
        e.Quantity,
        e.ActivityNote,
        e.ReportedByProviderName,
        e.Status,
        e.ReviewNote,
        e.ClientName,
        e.ReporterKind,
        e.ReversesEntryId,
        e.ReversedByEntryId);
}
