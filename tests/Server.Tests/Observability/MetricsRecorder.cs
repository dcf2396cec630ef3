using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using GonPortal.Server.Telemetry;

namespace GonPortal.Server.Tests.Observability;

/// <summary>Listens to the Meter "GonPortal.Server" while it lives and keeps every measurement with its tags.</summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Recorded> _measurements = new();

    public sealed record Recorded(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);

    public MetricsRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ServerMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Recorded> Of(string instrument) => _measurements.Where(m => m.Instrument == instrument).ToList();

    /// <summary>Asks every observable instrument (the job queue gauge) for its current value.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue?.ToString();
        }
        _measurements.Enqueue(new Recorded(instrument.Name, value, copy));
    }

    public void Dispose() => _listener.Dispose();
}
