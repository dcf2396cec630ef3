using System.Diagnostics.Metrics;
using Hangfire;

namespace GonPortal.Server.Telemetry;

/// <summary>
/// The Hangfire queue lengths of this host's job storage as an observable gauge (<see cref="ServerMetrics.JobQueueLengthName"/>,
/// tag "queue"), read only when a metrics reader collects. Several hosts in one process (tests) each have their own
/// storage, hence a per-host meter from <see cref="IMeterFactory"/> rather than a static one.
/// </summary>
public sealed class JobQueueMetrics : IHostedService, IDisposable
{
    private readonly Meter _meter;
    private readonly JobStorage _storage;

    public JobQueueMetrics(IMeterFactory meters, JobStorage storage)
    {
        _storage = storage;
        _meter = meters.Create(ServerMetrics.MeterName);
        _meter.CreateObservableGauge(ServerMetrics.JobQueueLengthName, Observe, "{job}", "Jobs waiting in each Hangfire queue.");
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        IList<Hangfire.Storage.Monitoring.QueueWithTopEnqueuedJobsDto> queues;
        try
        {
            queues = _storage.GetMonitoringApi().Queues();
        }
        catch (Exception)
        {
            // The database is away: readiness reports that; a gauge without a value says "unknown", not zero.
            return [];
        }
        var measurements = queues.Select(q => new Measurement<long>(q.Length, new KeyValuePair<string, object?>("queue", q.Name))).ToList();
        if (!queues.Any(q => q.Name == "default"))
        {
            // Hangfire lists a queue only once a job went through it; an idle host still has an empty default queue.
            measurements.Add(new Measurement<long>(0, new KeyValuePair<string, object?>("queue", "default")));
        }
        return measurements;
    }

    // A hosted service only so that the host creates it (and its gauge) at start-up.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _meter.Dispose();
}
