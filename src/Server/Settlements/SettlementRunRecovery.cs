using GonPortal.Domain.Settlements;
using GonPortal.Server.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Resumes runs whose worker is gone: running with a lapsed lease (a crash or a stopped host), or
/// queued past the moment a job should have picked them up (the in-memory Hangfire storage of the
/// SQLite mode loses its queue with the process). Runs once at start-up and then every
/// "Jobs:RecoveryIntervalSeconds" (default 60) on every instance. A hosted loop rather than a Hangfire
/// recurring job so the interval can be seconds in tests; enqueuing twice is harmless, because only
/// one job can claim a run.
/// </summary>
internal sealed class SettlementRunRecovery(IServiceScopeFactory scopes, SettlementJobOptions options, TimeProvider clock,
    ILogger<SettlementRunRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RecoveryInterval);
        do
        {
            try
            {
                await RecoverAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Settlement run recovery failed; trying again in {Interval}", options.RecoveryInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
        var now = clock.GetUtcNow();
        var stale = await db.SettlementRuns
            .Where(r => (r.State == SettlementRunState.Queued || r.State == SettlementRunState.Running) && r.LeaseExpiresAt <= now)
            .ToListAsync(ct);
        foreach (var run in stale)
        {
            run.Reenqueued(now, options.Lease);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue; // a worker claimed it meanwhile
            }
            logger.LogWarning("Settlement run {RunId} ({State}, attempt {Attempt}) has no live worker; enqueued again", run.Id, run.State, run.AttemptCount);
            SettlementRunStarter.Enqueue(jobs, run.Id);
        }
    }
}
