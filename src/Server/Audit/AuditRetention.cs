using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GonPortal.Server.Audit;

/// <summary>"Audit": how long the trail is kept. NEN 7513 asks for the retention the record itself has; default 15 years.</summary>
public sealed class AuditOptions
{
    public int RetentionDays { get; set; } = 15 * 366;
    public int RetentionCheckHours { get; set; } = 24;
}

/// <summary>
/// Drops whole partitions (days) older than <see cref="AuditOptions.RetentionDays"/>, entries and head together,
/// in one transaction per partition. Every chain starts from its own partition's genesis, so the chains that stay
/// verify as before; the legacy prefix goes as a whole once its newest entry has expired. This is the only code
/// that deletes audit entries (set-based, past the append-only check of the tracked path).
/// </summary>
public sealed class AuditRetention(GonDbContext db, TimeProvider clock, IOptions<AuditOptions> options)
{
    public async Task<int> DropExpiredAsync(CancellationToken ct)
    {
        var cutoff = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-options.Value.RetentionDays);
        var expired = await db.AuditChainHeads.AsNoTracking().Where(h => h.Partition != AuditPartitions.Legacy && h.Day < cutoff)
            .Select(h => h.Partition).ToListAsync(ct);
        var dropped = 0;
        foreach (var partition in expired)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            dropped += await db.AuditEntries.Where(e => e.Partition == partition).ExecuteDeleteAsync(ct);
            await db.AuditChainHeads.Where(h => h.Partition == partition).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        var cutoffInstant = new DateTimeOffset(cutoff.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (await db.AuditEntries.AnyAsync(e => e.Partition == null, ct) && !await db.AuditEntries.AnyAsync(e => e.Partition == null && e.OccurredAt >= cutoffInstant, ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            dropped += await db.AuditEntries.Where(e => e.Partition == null).ExecuteDeleteAsync(ct);
            await db.AuditChainHeads.Where(h => h.Partition == AuditPartitions.Legacy).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return dropped;
    }
}

/// <summary>Runs <see cref="AuditRetention"/> at start-up and every <see cref="AuditOptions.RetentionCheckHours"/>.</summary>
public sealed class AuditRetentionJob(IServiceScopeFactory scopes, IOptions<AuditOptions> options, ILogger<AuditRetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(Math.Max(1, options.Value.RetentionCheckHours)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var dropped = await scope.ServiceProvider.GetRequiredService<AuditRetention>().DropExpiredAsync(stoppingToken);
                if (dropped > 0)
                {
                    logger.LogInformation("Audit retention dropped {Count} expired entries", dropped);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Audit retention failed; it runs again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
