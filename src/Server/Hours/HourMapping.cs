using GonPortal.Domain.Hours;
using GonPortal.Domain.Validation;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Grpc;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.Hours;

internal static class HourMapping
{
    public static HourEntryInput ToDomain(V1.HourEntryInput e) => new(
        e.EntryKey,
        e.ArrangementId,
        ProtoConvert.TryToDate(e.ServiceDate),
        ProtoConvert.ToDomain(e.Product),
        ProtoConvert.ToDomain(e.Unit),
        e.Quantity,
        e.ActivityNote,
        string.IsNullOrEmpty(e.ReversesEntryId) ? null : e.ReversesEntryId);

    /// <summary>
    /// One message of an import stream and its key. A message that did not parse (<see cref="MalformedMessages"/>)
    /// becomes an input the domain rejects as an invalid field, named as HourEntryInput's field.
    /// </summary>
    public static (HourEntryInput Input, string Key) ToDomain(V1.ImportHourEntriesRequest message)
    {
        if (MalformedMessages.Of(message) is { } unreadable)
        {
            var field = unreadable.Field.StartsWith("entry.", StringComparison.Ordinal) ? unreadable.Field["entry.".Length..] : "entry";
            return (new HourEntryInput(null, null, null, null, null, 0, Unreadable: unreadable with { Field = field }), "");
        }
        var entry = message.Entry ?? new V1.HourEntryInput();
        return (ToDomain(entry), entry.EntryKey);
    }

    public static V1.HourEntryRejection ToProto(HourEntryOutcome outcome, string? key) => new()
    {
        Index = outcome.Index,
        // An invalid key is not echoed (one of 100,000 characters would overflow the status trailers); the index names the entry.
        EntryKey = Text.IsValidRequestId(key) ? key : "",
        Reason = (V1.HourEntryRejectionReason)(int)outcome.Rejection!.Reason,
        Field = outcome.Rejection.WireField,
        Message = outcome.Rejection.Message,
    };

    public static V1.HourEntry ToProto(HourEntry e, IReadOnlyDictionary<Guid, string> names, Guid? reversedBy, string clientName) => new()
    {
        Id = e.Id.ToString(),
        EntryKey = e.EntryKey,
        ArrangementId = e.ArrangementId.ToString(),
        ClientId = e.ClientId.ToString(),
        AreaId = e.AreaId,
        ServiceDate = ProtoConvert.ToProto(e.ServiceDate),
        Product = ProtoConvert.ToProto(e.Product),
        Unit = ProtoConvert.ToProto(e.Unit),
        Quantity = e.Quantity,
        ActivityNote = e.ActivityNote,
        ReportedByProviderId = e.ReportedByProviderId.ToString(),
        ReportedByProviderName = names.GetValueOrDefault(e.ReportedByProviderId, ""),
        ReporterKind = e.ReportedByProviderId == e.TenantId ? V1.ExecutorKind.Hoofdaanbieder : V1.ExecutorKind.Onderaannemer,
        SubcontractId = e.SubcontractId?.ToString() ?? "",
        Status = (V1.HourEntryStatus)(int)e.Status,
        SubmittedAt = ProtoConvert.ToProto(e.SubmittedAt),
        SubmittedBy = e.SubmittedBy,
        ReviewedAt = ProtoConvert.ToProto(e.ReviewedAt),
        ReviewedBy = e.ReviewedBy ?? "",
        ReviewNote = e.ReviewNote ?? "",
        ReversesEntryId = e.ReversesEntryId?.ToString() ?? "",
        ReversedByEntryId = reversedBy?.ToString() ?? "",
        ClientName = clientName,
    };

    /// <summary>The filter of a review by filter; null (with violations) when it is malformed.</summary>
    public static HourReviewSelection? ToSelection(Violations v, V1.HourReviewFilter? filter)
    {
        if (filter is null)
        {
            v.Add("filter", "is required");
            return null;
        }
        var reporter = ProtoConvert.ToId(v, "filter.reported_by_provider_id", filter.ReportedByProviderId, required: false);
        var arrangement = ProtoConvert.ToId(v, "filter.arrangement_id", filter.ArrangementId, required: false);
        if (filter.Year != 0 && filter.Year is < 2000 or > 2100) v.Add("filter.year", "must be 2000-2100 or 0");
        if (filter.Month is < 0 or > 12) v.Add("filter.month", "must be 1-12 or 0");
        else if (filter.Month != 0 && filter.Year == 0) v.Add("filter.year", "is required with filter.month");
        var status = filter.Status == V1.HourEntryStatus.Unspecified ? (HourEntryStatus?)null : (HourEntryStatus)(int)filter.Status;
        if (!HourBulkReview.IsReviewableFilter(status)) v.Add("filter.status", "must be HOUR_ENTRY_STATUS_SUBMITTED or unspecified; approved and rejected entries cannot be reviewed again");
        return new HourReviewSelection(reporter, arrangement, filter.Year, filter.Month);
    }
}
