using System.Collections.Concurrent;
using GonPortal.Contracts.V1;
using Grpc.Core;

namespace GonPortal.Server.Tests.Processes;

/// <summary>
/// Streams entries through ImportHourEntriesWithResults and keeps what the client saw acknowledged:
/// per chunk the server answers with the ids of the accepted entries (newly stored or already stored)
/// and the rejections. Only those answers count as acknowledged; an entry sent but not answered for
/// when the connection broke is in doubt, and a re-send settles it.
/// </summary>
public sealed class AcknowledgedImport
{
    /// <summary>entry_key → hour_entry_id of every accepted entry the client saw acknowledged.</summary>
    public ConcurrentDictionary<string, string> Accepted { get; } = new();

    public ConcurrentDictionary<string, HourEntryRejectionReason> Rejected { get; } = new();

    /// <summary>Keys acknowledged twice with different ids (a re-send that stored a second copy); must stay empty.</summary>
    public ConcurrentBag<string> Conflicts { get; } = [];

    /// <summary>Sends the entries in one stream; returns the summary, or throws the RpcException of a broken call.</summary>
    public async Task<ImportHourEntriesResponse> SendAsync(HourService.HourServiceClient hours, IReadOnlyList<HourEntryInput> entries, CancellationToken ct = default)
    {
        using var call = hours.ImportHourEntriesWithResults(cancellationToken: ct);
        var reading = ReadAsync(call, entries);
        try
        {
            foreach (var entry in entries)
            {
                await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = entry }, ct);
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            // The server went away while we wrote; the reader reports how the call ended.
        }
        return await reading;
    }

    private async Task<ImportHourEntriesResponse> ReadAsync(AsyncDuplexStreamingCall<ImportHourEntriesRequest, ImportHourEntriesResult> call, IReadOnlyList<HourEntryInput> entries)
    {
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            if (message.Summary is { } summary)
            {
                return summary;
            }
            foreach (var accepted in message.Chunk.Accepted)
            {
                Assert.Equal(entries[accepted.Index].EntryKey, accepted.EntryKey);
                if (Accepted.GetOrAdd(accepted.EntryKey, accepted.HourEntryId) != accepted.HourEntryId)
                {
                    Conflicts.Add(accepted.EntryKey);
                }
            }
            foreach (var rejected in message.Chunk.Rejections)
            {
                Rejected[entries[rejected.Index].EntryKey] = rejected.Reason;
            }
        }
        throw new InvalidOperationException("The import stream ended without a summary.");
    }
}
