using System.Diagnostics;
using Grpc.Core;

namespace GonPortal.ReadBench;

/// <summary>Closed-loop load: <c>streams</c> workers each keep one call in flight for the given time.</summary>
internal static class Load
{
    /// <summary>Completed calls per second; any failed call stops the bench, since a fast error is no result.</summary>
    public static async Task<double> RunAsync(Func<int, Task> call, int streams, double seconds)
    {
        var completed = 0L;
        var watch = Stopwatch.StartNew();
        var stopAt = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, streams).Select(w => Task.Run(async () =>
        {
            var i = w * 7919;
            while (watch.Elapsed < stopAt)
            {
                await call(i++);
                Interlocked.Increment(ref completed);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return completed / watch.Elapsed.TotalSeconds;
    }
}

/// <summary>The standard grpc.health.v1.Health/Check without generated code: an empty request (all fields default).</summary>
internal sealed class HealthProbe(CallInvoker invoker)
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private static readonly Method<byte[], byte[]> Check = new(MethodType.Unary, "grpc.health.v1.Health", "Check", Bytes, Bytes);

    public Task CheckAsync() => invoker.AsyncUnaryCall(Check, null, new CallOptions(), []).ResponseAsync;
}
