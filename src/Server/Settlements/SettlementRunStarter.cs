using GonPortal.Domain.Settlements;
using GonPortal.Server.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Queues a run (from the API or the schedule): checks the preconditions (nothing is queued when one
/// fails), then stores the run with its active identity key. A run of the same identity that is
/// queued or running is returned instead (joined); the unique key settles a race between instances.
/// The job is enqueued through the host's <see cref="IBackgroundJobClient"/> (never the static
/// BackgroundJob: several hosts may share a process); if that fails, the recovery enqueues it later.
/// </summary>
internal sealed class SettlementRunStarter(
    GonDbContext db, SettlementPreconditions preconditions, IBackgroundJobClient jobs, SettlementJobOptions options, TimeProvider clock)
{
    public async Task<(SettlementRun Run, bool Joined)> StartAsync(SettlementKind? kind, int areaId, int year, int month,
        SettlementTrigger trigger, string requestedBy, CancellationToken ct)
    {
        SettlementRun.Validate(kind, areaId, year, month);
        var key = SettlementRun.KeyOf(kind!.Value, areaId, year, month);
        if (await ActiveAsync(key, ct) is { } active)
        {
            return (active, true);
        }
        await preconditions.CheckAsync(kind.Value, areaId, year, month, ct);

        var run = SettlementRun.Queue(Guid.CreateVersion7(clock.GetUtcNow()), kind, areaId, year, month, trigger, requestedBy, clock.GetUtcNow(), options.Lease);
        db.SettlementRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost the race on the unique active key: join the winner.
            db.ChangeTracker.Clear();
            if (await ActiveAsync(key, ct) is { } winner)
            {
                return (winner, true);
            }
            throw;
        }
        Enqueue(jobs, run.Id);
        return (run, false);
    }

    public static void Enqueue(IBackgroundJobClient jobs, Guid runId) =>
        jobs.Enqueue<SettlementRunJob>(j => j.ExecuteAsync(runId, CancellationToken.None));

    private Task<SettlementRun?> ActiveAsync(string key, CancellationToken ct) =>
        db.SettlementRuns.AsNoTracking().SingleOrDefaultAsync(r => r.ActiveKey == key, ct);
}
