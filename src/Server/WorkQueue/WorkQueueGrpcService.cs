using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace GonPortal.Server.WorkQueue;

/// <summary>The "Te doen" counts of the caller's organisation (work_queue.proto).</summary>
[Authorize(Roles = $"{GonRoles.Gemeente},{GonRoles.Wij},{GonRoles.Hoofdaanbieder},{GonRoles.Onderaannemer}")]
public sealed class WorkQueueGrpcService(WorkQueueQuery query) : WorkQueueService.WorkQueueServiceBase
{
    public override async Task<GetWorkQueueResponse> GetWorkQueue(GetWorkQueueRequest request, ServerCallContext context)
    {
        var counts = await query.CountAsync(context.CancellationToken);
        var response = new GetWorkQueueResponse { Total = counts.Sum(c => c.Count) };
        response.Items.AddRange(counts.Select(c => new WorkItem { Kind = ToProto(c.Kind), Count = c.Count }));
        return response;
    }

    private static WorkItemKind ToProto(WorkKind kind) => kind switch
    {
        WorkKind.ReferralsToHandle => WorkItemKind.ReferralsToHandle,
        WorkKind.ArrangementsToDecide => WorkItemKind.ArrangementsToDecide,
        WorkKind.ArrangementsToStart => WorkItemKind.ArrangementsToStart,
        WorkKind.HoursToReview => WorkItemKind.HoursToReview,
        WorkKind.SubcontractsAwaitingConsent => WorkItemKind.SubcontractsAwaitingConsent,
        WorkKind.WijApprovalsDue => WorkItemKind.WijApprovalsDue,
        WorkKind.BeschikkingenToRecord => WorkItemKind.BeschikkingenToRecord,
        _ => WorkItemKind.Unspecified,
    };
}
