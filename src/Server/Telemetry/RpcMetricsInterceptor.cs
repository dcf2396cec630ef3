using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace GonPortal.Server.Telemetry;

/// <summary>
/// Counts every gRPC call by method and final status code (<see cref="ServerMetrics.RpcCall"/>). Registered before
/// <see cref="Grpc.CallInterceptor"/>, so it is the outer one and sees the status our error model made of an exception.
/// </summary>
public sealed class RpcMetricsInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(request, context);
            Record(context, started, null);
            return response;
        }
        catch (Exception e)
        {
            Record(context, started, e);
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(requestStream, context);
            Record(context, started, null);
            return response;
        }
        catch (Exception e)
        {
            Record(context, started, e);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(request, responseStream, context);
            Record(context, started, null);
        }
        catch (Exception e)
        {
            Record(context, started, e);
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(requestStream, responseStream, context);
            Record(context, started, null);
        }
        catch (Exception e)
        {
            Record(context, started, e);
            throw;
        }
    }

    private static void Record(ServerCallContext context, long started, Exception? failure)
    {
        var status = failure switch
        {
            null => context.Status.StatusCode,
            RpcException rpc => rpc.StatusCode,
            OperationCanceledException when context.CancellationToken.IsCancellationRequested => StatusCode.Cancelled,
            _ => StatusCode.Unknown, // what Grpc.AspNetCore answers for an exception it does not know
        };
        ServerMetrics.RpcCall(context.Method, status, Stopwatch.GetElapsedTime(started));
    }
}
