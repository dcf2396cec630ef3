using System.Diagnostics;
using GonPortal.Bench;

namespace GonPortal.ReconciliationBench;

/// <summary>
/// Samples a process's resident memory (VmRSS) every few milliseconds while a measured step runs.
/// VmHWM is the peak of the whole process life; this gives the peak of one step, so a 1M and a 5M
/// run in the same server process can be compared.
/// </summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public double PeakMiB { get; private set; }
    public double StartMiB { get; }

    public RssSampler(Process process)
    {
        _process = process;
        StartMiB = Hosts.CurrentMiB(process);
        PeakMiB = StartMiB;
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                PeakMiB = Math.Max(PeakMiB, Hosts.CurrentMiB(_process));
                try
                {
                    await Task.Delay(10, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_loop.IsCompleted)
        {
            return;
        }
        await _stop.CancelAsync();
        await _loop;
        PeakMiB = Math.Max(PeakMiB, Hosts.CurrentMiB(_process));
    }
}
