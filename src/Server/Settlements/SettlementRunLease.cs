using GonPortal.Domain.Settlements;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Keeps a claimed run's lease alive while a step takes long (a big GROUP BY, a slow database) from a
/// separate scope, so the lease only lapses when the worker is really gone. Updates only while the
/// run is still running under the same attempt.
/// </summary>
internal sealed class SettlementRunLease : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private SettlementRunLease(IServiceScopeFactory scopes, TimeProvider clock, Guid runId, int attempt, TimeSpan lease, TimeSpan heartbeat)
    {
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(heartbeat);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
                    var until = clock.GetUtcNow() + lease;
                    await db.SettlementRuns
                        .Where(r => r.Id == runId && r.AttemptCount == attempt && r.State == SettlementRunState.Running)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAt, until), _stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // stopped
            }
            catch (Exception)
            {
                // A missed renewal only risks a takeover, which the attempt fence makes safe.
            }
        });
    }

    /// <summary>Renews the lease every <paramref name="heartbeat"/>: the beats by which a stalled worker is told apart (SettlementRunHeartbeat).</summary>
    public static SettlementRunLease Keep(IServiceScopeFactory scopes, TimeProvider clock, Guid runId, int attempt, TimeSpan lease, TimeSpan heartbeat) =>
        new(scopes, clock, runId, attempt, lease, heartbeat);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
