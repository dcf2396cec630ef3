using GonPortal.Domain.Common;
using GonPortal.Server.Tenancy;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace GonPortal.Server.ErrorModel;

/// <summary>
/// The error model in one place: a domain or caller exception becomes its gRPC status
/// (INVALID_ARGUMENT with google.rpc.BadRequest field violations, FAILED_PRECONDITION, NOT_FOUND,
/// PERMISSION_DENIED); a refused cross-tenant write is logged and answers INTERNAL without detail.
/// Anything else is left to gRPC (null).
/// </summary>
public static class ErrorStatus
{
    public static RpcException? From(Exception e, ILogger logger)
    {
        switch (e)
        {
            case RpcException:
                return null;
            case DomainValidationException v:
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(v.Violations.Select(f => new BadRequest.Types.FieldViolation { Field = f.Field, Description = f.Description }));
                return new Google.Rpc.Status
                {
                    Code = (int)Code.InvalidArgument,
                    Message = "The request is invalid; see the field violations.",
                    Details = { Any.Pack(badRequest) },
                }.ToRpcException();
            case InvalidStateException s:
                return new RpcException(new global::Grpc.Core.Status(StatusCode.FailedPrecondition, s.Message));
            case NotFoundException n:
                return new RpcException(new global::Grpc.Core.Status(StatusCode.NotFound, n.Message));
            case PermissionDeniedException p:
                return new RpcException(new global::Grpc.Core.Status(StatusCode.PermissionDenied, p.Message));
            case TenantMismatchException t:
                logger.LogError(t, "Cross-tenant write refused by the data layer");
                return new RpcException(new global::Grpc.Core.Status(StatusCode.Internal, "Internal error."));
            default:
                return null;
        }
    }
}
