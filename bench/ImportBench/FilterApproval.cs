using System.Diagnostics;
using GonPortal.Bench;
using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using Grpc.Net.Client;

namespace GonPortal.ImportBench;

/// <summary>
/// The review at scale after an import: each hoofdaanbieder De Linde reported for counts the entries
/// waiting for review (ListHourEntries with its total) and approves them with one
/// ApproveHourEntriesByFilter call, confirming that count. Memory is the Server's peak during the
/// approvals alone: the peak is reset first (clear_refs 5), so the import's peak does not hide it.
/// </summary>
internal static class FilterApproval
{
    public sealed record Result(int Approved, double Seconds, double PeakMiB);

    public static async Task<Result> RunAsync(GrpcChannel channel, string identityUrl, Process server, Guid reporterId)
    {
        File.WriteAllText($"/proc/{server.Id}/clear_refs", "5");
        var watch = Stopwatch.StartNew();
        var approved = 0;
        foreach (var holder in DemoData.Organisations.Where(o => o.Kind == GonPortal.HostContracts.OrganisationKind.Hoofdaanbieder))
        {
            var hours = new HourService.HourServiceClient(await BenchCalls.AsAsync(channel, identityUrl, holder.Id));
            var waiting = (await hours.ListHourEntriesAsync(new ListHourEntriesRequest
            {
                Status = HourEntryStatus.Submitted, ReportedByProviderId = reporterId.ToString(), PageSize = 1, IncludeTotalCount = true,
            })).TotalCount;
            if (waiting == 0)
            {
                continue;
            }
            var response = await hours.ApproveHourEntriesByFilterAsync(new ApproveHourEntriesByFilterRequest
            {
                RequestId = $"bench-{Guid.NewGuid():N}",
                Filter = new HourReviewFilter { ReportedByProviderId = reporterId.ToString(), Status = HourEntryStatus.Submitted },
                ExpectedCount = waiting,
                Note = "Benchmark",
            }, deadline: DateTime.UtcNow.AddMinutes(30));
            approved += response.ChangedCount;
        }
        return new Result(approved, watch.Elapsed.TotalSeconds, Hosts.PeakMiB(server));
    }
}
