using GonPortal.Server.Settlements;

namespace GonPortal.Server.Tests.Settlements;

/// <summary>
/// The test seam behind <see cref="ISettlementRunFaults"/> (one per test server; inert until armed):
/// blocks runs at their next item until released, or fails once inside the final transaction after
/// the first result was written. The run itself executes for real around it.
/// </summary>
public sealed class TestSettlementFaults : ISettlementRunFaults
{
    private TaskCompletionSource? _gate;
    private int _failAfterFirstWrite;

    /// <summary>Completed with the run id when a run waits at the gate.</summary>
    public TaskCompletionSource<Guid> Reached { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int InjectedFailures;

    /// <summary>Every run waits before its next item until the returned handle is disposed.</summary>
    public IDisposable BlockRuns()
    {
        Reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate = gate;
        return new Release(() =>
        {
            _gate = null;
            gate.TrySetResult();
        });
    }

    public void FailOnceAfterFirstWrite() => Interlocked.Exchange(ref _failAfterFirstWrite, 1);

    public async Task BeforeItemAsync(Guid runId, int itemIndex, CancellationToken ct)
    {
        if (_gate is { } gate)
        {
            Reached.TrySetResult(runId);
            await gate.Task.WaitAsync(ct);
        }
    }

    public Task AfterResultWrittenAsync(Guid runId, int written, CancellationToken ct)
    {
        if (written == 1 && Interlocked.Exchange(ref _failAfterFirstWrite, 0) == 1)
        {
            Interlocked.Increment(ref InjectedFailures);
            throw new InvalidOperationException("Injected fault after the first result was written.");
        }
        return Task.CompletedTask;
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
