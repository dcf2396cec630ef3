using GonPortal.Domain.Common;
using GonPortal.Server.Tenancy;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace GonPortal.Server.ErrorModel;

/// <summary>
/// The error model in one place: a domain or caller exception becomes its gRPC status
/// (INVALID_ARGUMENT with google.rpc.BadRequest field violations, FAILED_PRECONDITION, NOT_FOUND,
/// PERMISSION_DENIED), and every status carries a google.rpc.ErrorInfo (reason code, domain gon.v1,
/// the values a sentence needs) so clients never have to parse the English message. A refused
/// cross-tenant write, or any other unexpected exception, is logged and answers INTERNAL without detail.
/// Reason codes: <see cref="ErrorReasons"/>, documented in README.md next to this file.
/// </summary>
public static class ErrorStatus
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    /// <summary>The one way a status leaves the server: code, reason, English message for logs, metadata, and further details.</summary>
    public static RpcException Build(StatusCode code, string reason, string message, IReadOnlyDictionary<string, string>? metadata = null,
        params IMessage[] details)
    {
        var info = new ErrorInfo { Reason = reason, Domain = ErrorReasons.Domain };
        foreach (var (key, value) in metadata ?? NoMetadata)
        {
            info.Metadata[key] = value;
        }
        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        status.Details.AddRange(details.Select(Any.Pack));
        return status.ToRpcException();
    }

    /// <summary>INVALID_ARGUMENT with a BadRequest whose violations carry a coarse reason (<see cref="FieldViolationReasons"/>).</summary>
    public static RpcException Invalid(IEnumerable<FieldViolation> violations, string reason = ErrorReasons.FieldViolations,
        string message = "The request is invalid; see the field violations.", params IMessage[] details)
    {
        var list = violations.ToList();
        var badRequest = new BadRequest();
        var metadata = new Dictionary<string, string> { ["count"] = $"{list.Count}" };
        foreach (var f in list)
        {
            var (fieldReason, values) = FieldViolationReasons.Classify(f.Description);
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = f.Field, Description = f.Description, Reason = fieldReason });
            foreach (var (key, value) in values)
            {
                metadata[$"{f.Field}.{key}"] = value;
            }
        }
        return Build(StatusCode.InvalidArgument, reason, message, metadata, [badRequest, .. details]);
    }

    public static RpcException? From(Exception e, ILogger logger)
    {
        switch (e)
        {
            case RpcException r:
                return WithErrorInfo(r);
            case DomainValidationException v:
                return Invalid(v.Violations);
            case InvalidStateException s:
                return Build(StatusCode.FailedPrecondition, s.Reason, s.Message, s.Metadata);
            case NotFoundException n:
                return Build(StatusCode.NotFound, n.Reason, n.Message, new Dictionary<string, string> { ["resource"] = n.Resource });
            case PermissionDeniedException p:
                return Build(StatusCode.PermissionDenied, p.Reason, p.Message, p.Metadata);
            case TenantMismatchException t:
                logger.LogError(t, "Cross-tenant write refused by the data layer");
                return Build(StatusCode.Internal, ErrorReasons.Internal, "Internal error.");
            case OperationCanceledException:
                return null; // the caller went away or its deadline passed; gRPC answers CANCELLED/DEADLINE_EXCEEDED itself
            case var _ when MalformedMessages.IsUnreadable(e):
                // A stream message read inside the handler (the unary body is refused by the marshaller before this).
                return MalformedMessages.Refusal(MalformedMessages.Violation(null, "request"), "request");
            case var _ when TransientFailures.IsTransient(e):
                logger.LogWarning(e, "A call failed on a transient database failure; answered UNAVAILABLE: {Failure}", e.GetType().Name);
                return Unavailable();
            default:
                logger.LogError(e, "Unhandled exception in a gRPC call");
                return Build(StatusCode.Internal, ErrorReasons.Internal, "Internal error.");
        }
    }

    /// <summary>
    /// UNAVAILABLE for a transient database failure: nothing was stored, a retry is safe, and RetryInfo says when.
    /// The exception's text stays in the log (it may name hosts, users or SQL).
    /// </summary>
    public static RpcException Unavailable() =>
        Build(StatusCode.Unavailable, ErrorReasons.DatabaseUnavailable, "The database is briefly unavailable; retry the call.",
            new Dictionary<string, string> { ["retry_after_ms"] = $"{(int)TransientFailures.RetryAfter.TotalMilliseconds}" },
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(TransientFailures.RetryAfter) });

    /// <summary>An RpcException raised without our ErrorInfo gets one named after its code, keeping its other details.</summary>
    private static RpcException? WithErrorInfo(RpcException r)
    {
        var status = r.GetRpcStatus();
        if (status?.GetDetail<ErrorInfo>() is not null || r.StatusCode is StatusCode.Cancelled or StatusCode.DeadlineExceeded)
        {
            return null;
        }
        var details = status?.Details.ToList() ?? [];
        var rebuilt = new Google.Rpc.Status
        {
            Code = (int)r.StatusCode,
            Message = r.Status.Detail,
            Details = { Any.Pack(new ErrorInfo { Reason = ReasonOf(r.StatusCode), Domain = ErrorReasons.Domain }) },
        };
        rebuilt.Details.AddRange(details);
        return rebuilt.ToRpcException();
    }

    private static string ReasonOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => ErrorReasons.FieldViolations,
        StatusCode.FailedPrecondition => ErrorReasons.WrongState,
        StatusCode.PermissionDenied => ErrorReasons.RoleNotAllowed,
        StatusCode.NotFound => "RESOURCE" + ErrorReasons.NotFoundSuffix,
        StatusCode.AlreadyExists => ErrorReasons.AlreadyExists,
        _ => ErrorReasons.Internal,
    };
}
