using GonPortal.Domain.Common;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Tenancy;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace GonPortal.Server.Grpc;

/// <summary>
/// Runs around every gRPC call: resolves the tenant once from the validated token, and turns
/// domain exceptions into the status codes of our error model (<see cref="ErrorStatus"/>), so services hold no such code.
/// </summary>
public sealed class CallInterceptor(TenantContext tenant, CallInfo call, ILogger<CallInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Begin(context);
        CheckShape(request);
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (ErrorStatus.From(e, logger) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Begin(context);
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (ErrorStatus.From(e, logger) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Begin(context);
        CheckShape(request);
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (ErrorStatus.From(e, logger) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Begin(context);
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (ErrorStatus.From(e, logger) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>
    /// Limits, enum values and control characters of the whole request, before any work (<see cref="RequestShape"/>).
    /// Streamed messages are judged by their service one at a time (an import rejects one entry, not the stream).
    /// </summary>
    private static void CheckShape<TRequest>(TRequest request)
    {
        if (request is Google.Protobuf.IMessage message && RequestShape.Check(message) is { Count: > 0 } violations)
        {
            throw ErrorStatus.Invalid(violations);
        }
    }

    private void Begin(ServerCallContext context)
    {
        call.Method = context.Method;
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return; // health and reflection are anonymous; every gon.v1 service requires authorisation
        }
        var purpose = context.RequestHeaders.GetValue(TenantResolver.PurposeHeader);
        if (!TenantResolver.TryResolve(user, purpose, tenant))
        {
            throw ErrorStatus.Build(StatusCode.PermissionDenied, ErrorReasons.NoOrganisationInToken, "The access token names no organisation or role.");
        }
    }
}
