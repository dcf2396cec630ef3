using Microsoft.Extensions.Options;

namespace GonPortal.Identity.Pruning;

/// <summary>Runs <see cref="TokenPruner"/> every <see cref="PruningSettings.IntervalMinutes"/> (OpenIddict's Quartz job is not used).</summary>
public sealed class TokenPruningService(TokenPruner pruner, IOptions<PruningSettings> settings, ILogger<TokenPruningService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(settings.Value.IntervalMinutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await pruner.PruneAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database hiccup must not stop the schedule; the next tick tries again.
                logger.LogError(exception, "Pruning tokens and authorizations failed");
            }
        }
    }
}
