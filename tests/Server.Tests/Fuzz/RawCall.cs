using System.Diagnostics;
using Google.Rpc;
using Grpc.Core;

namespace GonPortal.Server.Tests.Fuzz;

/// <summary>How one call ended: its status (OK when it succeeded), the status detail and how long it took.</summary>
public sealed record FuzzOutcome(StatusCode Code, string Detail, TimeSpan Elapsed);

/// <summary>Sends raw request bytes over the real channel in the RPC's own shape (unary, streams in either direction).</summary>
public static class RawCall
{
    public static async Task<FuzzOutcome> SendAsync(CallInvoker invoker, FuzzRpc rpc, IReadOnlyList<byte[]> messages, TimeSpan bound)
    {
        // The deadline lies beyond the bound, so a slow call is measured rather than cut off exactly at it.
        var options = new CallOptions(deadline: DateTime.UtcNow + bound + TimeSpan.FromSeconds(5));
        var method = rpc.RawMethod;
        var watch = Stopwatch.StartNew();
        try
        {
            switch (method.Type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, messages[0]);
                    break;
                case MethodType.ServerStreaming:
                {
                    using var call = invoker.AsyncServerStreamingCall(method, null, options, messages[0]);
                    while (await call.ResponseStream.MoveNext(CancellationToken.None))
                    {
                    }
                    break;
                }
                case MethodType.ClientStreaming:
                {
                    using var call = invoker.AsyncClientStreamingCall(method, null, options);
                    await WriteAllAsync(call.RequestStream, messages);
                    await call.ResponseAsync;
                    break;
                }
                default:
                {
                    using var call = invoker.AsyncDuplexStreamingCall(method, null, options);
                    var reading = DrainAsync(call.ResponseStream);
                    await WriteAllAsync(call.RequestStream, messages);
                    await reading;
                    break;
                }
            }
            return new FuzzOutcome(StatusCode.OK, "", watch.Elapsed);
        }
        catch (RpcException e)
        {
            // The fields a BadRequest names make a report line (and a verbose log) say what the server objected to.
            var fields = e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).Distinct().ToList();
            var detail = fields is { Count: > 0 } ? $"{e.Status.Detail} [{string.Join(", ", fields)}]" : e.Status.Detail ?? "";
            return new FuzzOutcome(e.StatusCode, detail, watch.Elapsed);
        }
    }

    private static async Task WriteAllAsync(IClientStreamWriter<byte[]> writer, IReadOnlyList<byte[]> messages)
    {
        try
        {
            foreach (var message in messages)
            {
                await writer.WriteAsync(message);
            }
            await writer.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            // The server ended the call while the client was still writing; its status comes with the response.
        }
    }

    private static async Task DrainAsync(IAsyncStreamReader<byte[]> reader)
    {
        while (await reader.MoveNext(CancellationToken.None))
        {
        }
    }
}
