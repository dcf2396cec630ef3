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
/// BackgroundJob: several hosts may share a process) only after the run is saved; if that fails, the
/// recovery enqueues it later.
/// </summary>
internal sealed class SettlementRunStarter(
    GonDbContext db, SettlementPreconditions preconditions, IBackgroundJobClient jobs, SettlementJobOptions options, TimeProvider clock)
{
    /// <summary>A run not yet saved: validates its identity (DomainValidationException, INVALID_ARGUMENT).</summary>
    public SettlementRun New(SettlementKind? kind, int areaId, int year, int month, SettlementTrigger trigger, string requestedBy) =>
        SettlementRun.Queue(Guid.CreateVersion7(clock.GetUtcNow()), kind, areaId, year, month, trigger, requestedBy, clock.GetUtcNow(), options.Lease);

    /// <summary>
    /// The active run of <paramref name="run"/>'s identity (joined), or else, when the preconditions
    /// hold, <paramref name="run"/> added to the context WITHOUT saving: the caller saves it (with
    /// whatever else belongs to the same request) and then calls <see cref="Enqueue"/>.
    /// </summary>
    public async Task<(SettlementRun Run, bool Joined)> AddAsync(SettlementRun run, CancellationToken ct)
    {
        if (await ActiveAsync(run.ActiveKey!, ct) is { } active)
        {
            return (active, true);
        }
        await preconditions.CheckAsync(run.Kind, run.AreaId, run.Year, run.Month, ct);
        db.SettlementRuns.Add(run);
        return (run, false);
    }

    /// <summary>The schedule's path: add, save, enqueue; a lost race on the active key joins the winner.</summary>
    public async Task<(SettlementRun Run, bool Joined)> StartAsync(SettlementKind kind, int areaId, int year, int month,
        SettlementTrigger trigger, string requestedBy, CancellationToken ct)
    {
        var (run, joined) = await AddAsync(New(kind, areaId, year, month, trigger, requestedBy), ct);
        if (joined)
        {
            return (run, true);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await ActiveAsync(run.ActiveKey!, ct) is { } winner)
            {
                return (winner, true);
            }
            throw;
        }
        Enqueue(run.Id);
        return (run, false);
    }

    public void Enqueue(Guid runId) => Enqueue(jobs, runId);

    public static void Enqueue(IBackgroundJobClient jobs, Guid runId) =>
        jobs.Enqueue<SettlementRunJob>(j => j.ExecuteAsync(runId, CancellationToken.None));

    private Task<SettlementRun?> ActiveAsync(string key, CancellationToken ct) =>
        db.SettlementRuns.AsNoTracking().SingleOrDefaultAsync(r => r.ActiveKey == key, ct);
}
