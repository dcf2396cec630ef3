using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GonPortal.Server.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps what the hosts log (message, structured values, exception), for tests that
/// check what a log line may never carry. Bounded, so a long run cannot grow it without end.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private const int MaxEntries = 200_000;
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > MaxEntries && _entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The formatted message, every structured value on its own (a value may be cut short in the message),
            // and the whole exception with its inner ones.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" | ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            capture.Add($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}
