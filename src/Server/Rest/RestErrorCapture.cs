using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace GonPortal.Server.Rest;

/// <summary>
/// Outermost interceptor: on a REST (JSON-transcoded) call it keeps the final <see cref="RpcException"/>, with its
/// google.rpc.Status details, in the request's items, so <see cref="RestProblemMiddleware"/> can answer problem details
/// with the field violations. Transcoding itself writes only code and message. gRPC calls pass untouched.
/// </summary>
public sealed class RestErrorCapture : Interceptor
{
    internal const string ItemKey = "gon.rest.error";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException e) when (Keep(context, e))
        {
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (RpcException e) when (Keep(context, e))
        {
            throw;
        }
    }

    /// <summary>Never catches: records the status on REST calls and lets the exception go on.</summary>
    private static bool Keep(ServerCallContext context, RpcException e)
    {
        if (RestProblemMiddleware.IsRest(context.GetHttpContext()))
        {
            context.GetHttpContext().Items[ItemKey] = e;
        }
        return false;
    }
}
