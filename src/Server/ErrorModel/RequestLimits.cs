using GonPortal.Domain.Referrals;
using GonPortal.Domain.Reference;
using Google.Protobuf.Reflection;

namespace GonPortal.Server.ErrorModel;

/// <summary>
/// The documented maximum of every repeated field a request can carry (the proto comments and README.md next
/// to this file say the same), checked by <see cref="RequestShape"/> before any work, so an oversized list is
/// refused in milliseconds. A repeated request field missing here fails <c>RequestLimitsTests</c>; at run time
/// it would get <see cref="Unlisted"/>.
/// </summary>
public static class RequestLimits
{
    /// <summary>The bound of a repeated field nobody listed yet: small, so forgetting one errs on the safe side.</summary>
    public const int Unlisted = 100;

    public const int HourBatch = Hours.HourGrpcService.MaxBatch;
    public const int SubcontractRates = 20;
    public const int ReferralProducts = 10;

    public static readonly IReadOnlyDictionary<string, int> MaxItems = new Dictionary<string, int>
    {
        ["gon.v1.BatchCreateHourEntriesRequest.entries"] = HourBatch,
        ["gon.v1.ApproveHourEntriesRequest.hour_entry_ids"] = HourBatch,
        ["gon.v1.RejectHourEntriesRequest.hour_entry_ids"] = HourBatch,
        ["gon.v1.UndoHourEntryApprovalsRequest.hour_entry_ids"] = HourBatch,
        ["gon.v1.CreateSubcontractRequest.area_ids"] = Areas.All.Count,
        ["gon.v1.CreateSubcontractRequest.rates"] = SubcontractRates,
        ["gon.v1.CreateReferralRequest.goals"] = Referral.MaxGoals,
        ["gon.v1.CreateReferralRequest.indicated_products"] = ReferralProducts,
    };

    public static int For(FieldDescriptor field) => MaxItems.GetValueOrDefault(field.FullName, Unlisted);
}
