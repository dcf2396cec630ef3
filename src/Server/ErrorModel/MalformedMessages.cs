using System.Runtime.CompilerServices;
using GonPortal.Domain.Common;
using Google.Protobuf;
using Grpc.Core;

namespace GonPortal.Server.ErrorModel;

/// <summary>
/// A request body that does not parse as its message (garbage, a truncated message, a string field holding
/// invalid UTF-8). Unary and server-streaming calls are refused with INVALID_ARGUMENT and reason
/// <see cref="ErrorReasons.MalformedMessage"/>, naming the field where <see cref="MalformedMessageLocator"/>
/// finds it. In a stream whose messages are judged on their own (<see cref="Grpc.JudgedPerMessageAttribute"/>)
/// the unreadable message becomes an empty one remembered here, so the service rejects that one message by
/// its position and reads on.
/// </summary>
public static class MalformedMessages
{
    private static readonly ConditionalWeakTable<object, FieldViolation> Unreadable = new();

    /// <summary>The field violation of a message that stood in for an unreadable one; null for a parsed message.</summary>
    public static FieldViolation? Of(object message) => Unreadable.TryGetValue(message, out var v) ? v : null;

    public static T StandIn<T>(T empty, FieldViolation violation) where T : class
    {
        Unreadable.AddOrUpdate(empty, violation);
        return empty;
    }

    public static FieldViolation Violation(string? field, string messageName) =>
        new(string.IsNullOrEmpty(field) ? "" : field,
            string.IsNullOrEmpty(field) ? $"the body is not a readable {messageName} message" : "is not readable (e.g. invalid UTF-8 or a truncated value)");

    public static RpcException Refusal(FieldViolation violation, string messageName)
    {
        var metadata = new Dictionary<string, string> { ["message"] = messageName };
        if (violation.Field.Length > 0)
        {
            metadata["field"] = violation.Field;
        }
        var badRequest = new Google.Rpc.BadRequest
        {
            FieldViolations = { new Google.Rpc.BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description, Reason = FieldViolationReasons.Malformed } },
        };
        return ErrorStatus.Build(StatusCode.InvalidArgument, ErrorReasons.MalformedMessage,
            $"The request body is not a readable {messageName} message.", metadata, badRequest);
    }

    /// <summary>Whether an exception from a deserializer means the bytes were not a message (rather than a fault of ours).</summary>
    public static bool IsUnreadable(Exception e) => e is InvalidProtocolBufferException or System.Text.DecoderFallbackException;
}
