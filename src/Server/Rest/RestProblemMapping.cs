using System.Text.Json;
using GonPortal.Contracts.V1;
using GonPortal.Domain.Common;
using Google.Rpc;
using Grpc.Core;

namespace GonPortal.Server.Rest;

/// <summary>
/// Turns a gRPC outcome into an RFC 9457 problem details document (<c>application/problem+json</c>): the HTTP status
/// mapped from the gRPC code, a Dutch title, <c>code</c> = the ErrorInfo reason (README in ErrorModel) with its metadata,
/// and the google.rpc.BadRequest field violations (or a refused hour batch's rejections) as <c>invalid-params</c>, each
/// with <c>name</c> (the field path as gRPC names it), <c>code</c> (its class) and <c>reason</c> (a Dutch sentence).
/// </summary>
public static class RestProblemMapping
{
    public const string ContentType = "application/problem+json";

    /// <summary>
    /// Every detail type a status may carry (google.rpc's and gon.v1's): the transcoder writes a status's details as JSON
    /// <c>Any</c> and fails on a type it does not know, before this mapping replaces its answer.
    /// </summary>
    public static Google.Protobuf.Reflection.TypeRegistry ErrorDetailTypes { get; } = Google.Protobuf.Reflection.TypeRegistry.FromFiles(
        ErrorDetailsReflection.Descriptor, CommonReflection.Descriptor, HoursReflection.Descriptor, BudgetsReflection.Descriptor);

    /// <summary>HTTP status for a gRPC code; FAILED_PRECONDITION is a conflict with the resource's state (409).</summary>
    public static int HttpStatus(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The gRPC code a bare HTTP refusal stands for (authentication, authorization or routing answered before any RPC ran).</summary>
    public static StatusCode FromHttp(int status) => status switch
    {
        StatusCodes.Status400BadRequest => StatusCode.InvalidArgument,
        StatusCodes.Status401Unauthorized => StatusCode.Unauthenticated,
        StatusCodes.Status403Forbidden => StatusCode.PermissionDenied,
        StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => StatusCode.NotFound,
        StatusCodes.Status409Conflict => StatusCode.FailedPrecondition,
        StatusCodes.Status503ServiceUnavailable => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };

    /// <summary>Writes the problem document for a status (null when only the code is known) at <paramref name="instance"/>.</summary>
    public static void Write(Utf8JsonWriter json, StatusCode code, Google.Rpc.Status? status, string instance, int? httpStatus = null)
    {
        var info = status?.GetDetail<ErrorInfo>();
        var reason = info?.Reason ?? DefaultReason(code);
        json.WriteStartObject();
        json.WriteString("type", "urn:gon:problem:" + reason.ToLowerInvariant().Replace('_', '-'));
        json.WriteString("title", RestProblemTexts.Title(code));
        json.WriteNumber("status", httpStatus ?? HttpStatus(code));
        json.WriteString("instance", instance);
        json.WriteString("code", reason);
        json.WriteString("grpc-status", code.ToString());
        if (info is { Metadata.Count: > 0 })
        {
            json.WriteStartObject("metadata");
            foreach (var (key, value) in info.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }
            json.WriteEndObject();
        }
        var parameters = InvalidParams(status, info).ToList();
        if (parameters.Count > 0)
        {
            json.WriteStartArray("invalid-params");
            foreach (var (name, paramCode, text) in parameters)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("code", paramCode);
                json.WriteString("reason", text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static string DefaultReason(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => ErrorReasons.MalformedMessage, // the transcoder could not read the JSON or a parameter
        StatusCode.NotFound => "RESOURCE_NOT_FOUND",
        StatusCode.PermissionDenied => ErrorReasons.RoleNotAllowed,
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => code.ToString().ToUpperInvariant(),
    };

    private static IEnumerable<(string Name, string Code, string Reason)> InvalidParams(Google.Rpc.Status? status, ErrorInfo? info)
    {
        if (status?.GetDetail<BadRequest>() is { } badRequest)
        {
            foreach (var v in badRequest.FieldViolations)
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var key in new[] { "min", "max" })
                {
                    if (info is not null && info.Metadata.TryGetValue($"{v.Field}.{key}", out var value))
                    {
                        values[key] = value;
                    }
                }
                yield return (v.Field, v.Reason, RestProblemTexts.Violation(v.Reason, values));
            }
        }
        if (status?.GetDetail<HourEntryRejections>() is { } rejections)
        {
            foreach (var r in rejections.Rejections)
            {
                var name = r.Field.Length > 0 ? $"entries[{r.Index}].{r.Field}" : $"entries[{r.Index}]";
                yield return (name, r.Reason.ToString(), HourRejection(r.Reason));
            }
        }
    }

    /// <summary>Why one entry of a batch of hour entries was refused.</summary>
    public static string HourRejection(HourEntryRejectionReason reason) => reason switch
    {
        HourEntryRejectionReason.UnknownArrangement => "Deze ondersteuning is onbekend of niet zichtbaar voor deze organisatie.",
        HourEntryRejectionReason.DateOutsideArrangement => "De datum valt buiten de looptijd van de ondersteuning.",
        HourEntryRejectionReason.DateOutsideSubcontract => "De datum valt buiten de looptijd van de onderaanneming.",
        HourEntryRejectionReason.DateInFuture => "De datum ligt in de toekomst.",
        HourEntryRejectionReason.Over24HoursPerClientDay => "Meer dan 24 uur voor deze cliënt op deze dag.",
        HourEntryRejectionReason.UnitMismatch => "De eenheid past niet bij de ondersteuning.",
        HourEntryRejectionReason.ProductMismatch => "Het product past niet bij de ondersteuning.",
        HourEntryRejectionReason.DuplicateKeyConflict => "Deze sleutel is al gebruikt voor een andere registratie.",
        HourEntryRejectionReason.InvalidReversal => "Deze correctie verwijst niet naar een goedgekeurde registratie.",
        _ => "Deze waarde is ongeldig.",
    };
}
