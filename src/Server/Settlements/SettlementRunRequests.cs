using GonPortal.Domain.Settlements;
using GonPortal.Server.Data;
using GonPortal.Server.Idempotency;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>
/// StartSettlementRun once per request_id (<see cref="IdempotentRequests"/>): the new run is saved
/// together with the idempotency record, and only then enqueued. A lost race on the run's active key
/// fails that save; the request is then answered again, which joins the winner and records that.
/// </summary>
internal sealed class SettlementRunRequests(GonDbContext db, IdempotentRequests idempotency, SettlementRunStarter starter)
{
    public async Task<(SettlementRun Run, bool Joined)> StartOnceAsync(IMessage request, string requestId,
        SettlementKind? kind, int areaId, int year, int month, string requestedBy, CancellationToken ct)
    {
        // Validated before the request id is looked at, so an invalid request is refused as such.
        var run = starter.New(kind, areaId, year, month, SettlementTrigger.Api, requestedBy);
        try
        {
            return await StartAsync(request, requestId, run, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await StartAsync(request, requestId, run, ct);
        }
    }

    private async Task<(SettlementRun Run, bool Joined)> StartAsync(IMessage request, string requestId, SettlementRun run, CancellationToken ct)
    {
        var added = false;
        var joined = false;
        var stored = await idempotency.CreateOnceAsync(request, requestId,
            async () =>
            {
                var (result, wasJoined) = await starter.AddAsync(run, ct);
                (added, joined) = (!wasJoined, wasJoined);
                return result.Id;
            },
            id => db.SettlementRuns.AsNoTracking().SingleAsync(r => r.Id == id, ct),
            ct);
        if (added && stored.Id == run.Id)
        {
            starter.Enqueue(run.Id);
        }
        return (stored, joined);
    }
}
