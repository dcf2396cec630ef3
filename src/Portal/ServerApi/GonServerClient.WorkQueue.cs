using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    /// <summary>The "Te doen" counts of the signed-in person's organisation.</summary>
    public Task<ServerResult<WorkQueueView>> GetWorkQueueAsync(CancellationToken cancellationToken = default) =>
        CallAsync(nameof(WorkQueueService.WorkQueueServiceClient.GetWorkQueue), async options =>
        {
            var response = await workQueue.GetWorkQueueAsync(new GetWorkQueueRequest(), options);
            return new WorkQueueView(response.Items.Select(i => new WorkItemView(i.Kind, i.Count)).ToList(), response.Total);
        }, cancellationToken);
}
