using GonPortal.Domain.Hours;
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

    public static V1.HourEntryRejection ToProto(HourEntryOutcome outcome, string? key) => new()
    {
        Index = outcome.Index,
        EntryKey = key ?? "",
        Reason = (V1.HourEntryRejectionReason)(int)outcome.Rejection!.Reason,
        Field = outcome.Rejection.WireField,
        Message = outcome.Rejection.Message,
    };

    public static V1.HourEntry ToProto(HourEntry e, IReadOnlyDictionary<Guid, string> names, Guid? reversedBy) => new()
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
    };
}
