using GonPortal.Domain.Common;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace GonPortal.Server.ErrorModel;

/// <summary>
/// A role refused by an RPC's <c>[Authorize]</c> is decided before any gRPC code runs, so the
/// interceptor never sees it and the client would get a bare HTTP 403. For gRPC calls this answers
/// PERMISSION_DENIED as a trailers-only response carrying the same ErrorInfo (ROLE_NOT_ALLOWED) as
/// every other error. Everything else, including the challenge of a missing token, keeps the default.
/// </summary>
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            const string message = "The caller's role may not call this method.";
            var status = new Google.Rpc.Status
            {
                Code = (int)Code.PermissionDenied,
                Message = message,
                Details = { Any.Pack(new ErrorInfo { Reason = ErrorReasons.RoleNotAllowed, Domain = ErrorReasons.Domain }) },
            };
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)Code.PermissionDenied).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = message;
            context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
            await context.Response.CompleteAsync();
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
