using Hangfire;

namespace GonPortal.Server.Settlements;

/// <summary>Registers the recurring settlement runs at start-up (AddOrUpdate: every instance may do it).</summary>
internal sealed class SettlementScheduleRegistration(IRecurringJobManager manager, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ScheduledSettlements.Register(manager, configuration);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
