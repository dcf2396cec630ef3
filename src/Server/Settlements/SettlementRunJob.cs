using GonPortal.Domain.Common;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>
/// The Hangfire job that executes one settlement run: claims it (only one worker wins, also across
/// instances), computes everything with reads only while committing progress as small updates (each
/// renews the lease), then writes the results and the run's success in one transaction.
/// A precondition failure ends the run FAILED without retry; any other failure rolls back, returns the
/// run to the queue and rethrows so Hangfire retries it; after <see cref="SettlementRun.MaxAttempts"/>
/// claims the run fails for good. A stopping host leaves the run running: its lease lapses and the
/// recovery hands it to another worker, exactly as after a crash.
/// </summary>
public sealed class SettlementRunJob(
    GonDbContext db,
    TenantContext tenant,
    IServiceProvider services,
    IServiceScopeFactory scopes,
    SettlementJobOptions options,
    TimeProvider clock,
    ILogger<SettlementRunJob> logger)
{
    [AutomaticRetry(Attempts = SettlementRun.MaxAttempts - 1, DelaysInSeconds = [1, 3, 10], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task ExecuteAsync(Guid runId, CancellationToken cancellationToken)
    {
        // A job has no caller; see TenantContext.IsSystem for why this scope may write every tenant's results.
        tenant.ResolveSystem($"settlement-run {runId}");
        var run = await db.SettlementRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        var now = clock.GetUtcNow();
        if (run is null || !run.CanClaim(now))
        {
            logger.LogInformation("Settlement run {RunId} is not claimable ({State}); another worker has it or it finished", runId, run?.State);
            return;
        }
        if (run.AttemptCount >= SettlementRun.MaxAttempts)
        {
            run.Fail("INTERNAL", $"The run was given up after {run.AttemptCount} attempts.", now);
            await TrySaveAsync(CancellationToken.None);
            return;
        }
        run.Claim(now, options.Lease);
        if (!await TrySaveAsync(cancellationToken))
        {
            return; // another worker claimed it first
        }
        var attempt = run.AttemptCount;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        logger.LogInformation("Settlement run {RunId} ({Kind} {Area} {Year}-{Month}) attempt {Attempt}", run.Id, run.Kind, run.AreaId, run.Year, run.Month, attempt);

        await using (SettlementRunLease.Keep(scopes, clock, run.Id, attempt, options.Lease, options.Heartbeat))
        {
            try
            {
                // The steps are internal and this job is public (Hangfire activates it), so they are resolved here.
                var loaded = await services.GetRequiredService<SettlementInputLoader>().LoadAsync(run, cancellationToken);
                var results = await ComputeAsync(run, loaded, cancellationToken);
                await services.GetRequiredService<SettlementResultWriter>().WriteAsync(run, results, clock.GetUtcNow(), cancellationToken);
                logger.LogInformation("Settlement run {RunId} succeeded: {New} new, {Unchanged} unchanged", run.Id, run.NewRevisionCount, run.UnchangedCount);
                Measure(run, "succeeded", started);
            }
            catch (InvalidStateException e)
            {
                logger.LogWarning("Settlement run {RunId} failed its preconditions: {Message}", runId, e.Message);
                await EndAttemptAsync(runId, attempt, r => r.Fail("FAILED_PRECONDITION", e.Message, clock.GetUtcNow()));
                Measure(run, "failed", started);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Host stopping: nothing was committed; the lease lapses and the recovery resumes the run elsewhere.
                throw;
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogWarning("Settlement run {RunId} attempt {Attempt} lost its lease to another worker; nothing was stored", runId, attempt);
                Measure(run, "lost_lease", started);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Settlement run {RunId} attempt {Attempt} failed; nothing was stored", runId, attempt);
                await EndAttemptAsync(runId, attempt, r =>
                {
                    if (r.AttemptCount >= SettlementRun.MaxAttempts)
                    {
                        r.Fail("INTERNAL", $"The run failed {r.AttemptCount} times; last error: {e.Message}", clock.GetUtcNow());
                    }
                    else
                    {
                        r.Requeue(e.Message, clock.GetUtcNow(), options.Lease);
                    }
                });
                Measure(run, "error", started);
                throw; // Hangfire retries (AutomaticRetry)
            }
        }
    }

    private async Task<List<ComputedResult>> ComputeAsync(SettlementRun run, SettlementRunInputs loaded, CancellationToken ct)
    {
        async Task Progress(string stage, int done, int total)
        {
            run.Report(stage, done, total, clock.GetUtcNow(), options.Lease);
            await db.SaveChangesAsync(ct);
        }
        return loaded switch
        {
            StatementRunInputs s => await services.GetRequiredService<StatementComputer>().ComputeAsync(run, s, Progress, ct),
            PgbRunInputs p => await services.GetRequiredService<PgbComputer>().ComputeAsync(run, p, Progress, ct),
            ReconciliationRunInputs r => await services.GetRequiredService<ReconciliationComputer>().ComputeAsync(run, r, Progress, ct),
            _ => throw new InvalidOperationException($"No computer takes {loaded.GetType().Name}."),
        };
    }

    private static void Measure(SettlementRun run, string outcome, long started) =>
        Telemetry.ServerMetrics.SettlementRun(run.Kind.ToString(), outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started));

    /// <summary>Forgets whatever the failed attempt tracked, then changes the run only if this attempt still holds it.</summary>
    private async Task EndAttemptAsync(Guid runId, int attempt, Action<SettlementRun> change)
    {
        db.ChangeTracker.Clear();
        var run = await db.SettlementRuns.SingleOrDefaultAsync(r => r.Id == runId, CancellationToken.None);
        if (run is null || run.AttemptCount != attempt || run.State != SettlementRunState.Running)
        {
            return;
        }
        change(run);
        await TrySaveAsync(CancellationToken.None);
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
