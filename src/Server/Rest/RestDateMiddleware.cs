using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GonPortal.Domain.Common;
using GonPortal.Server.ErrorModel;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.Extensions.Primitives;

namespace GonPortal.Server.Rest;

/// <summary>
/// ISO 8601 dates on the REST interface while the protos keep <c>google.type.Date</c> (gRPC clients depend on it).
/// Transcoding renders a Date as <c>{"year":2027,"month":3,"day":1}</c> and offers no public hook for a converter of one
/// message type (its serializer options are internal; dotnet/aspnetcore#46712), so this adapter sits just before a
/// transcoded endpoint and uses that endpoint's method descriptor (<see cref="GrpcJsonTranscodingMetadata"/>) to find
/// the Date fields: in the request body and query a "yyyy-MM-dd" string becomes the Date object (a query value becomes
/// <c>name.year</c>, <c>name.month</c>, <c>name.day</c>), in a successful answer each Date object becomes "yyyy-MM-dd"
/// (<see cref="RestDateFields"/>). A string that is not a date answers INVALID_ARGUMENT with its field violation before
/// the RPC runs, as problem details (<see cref="RestProblemMiddleware"/>). Methods without Date fields pass untouched;
/// error answers are never rewritten. Runs after authorization, so 401/403 come first.
/// </summary>
public sealed class RestDateMiddleware(RequestDelegate next)
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } rpc
            || !RestProblemMiddleware.IsRest(context))
        {
            await next(context);
            return;
        }
        var violations = new List<FieldViolation>();
        RewriteQuery(context.Request, rpc, violations);
        await RewriteBody(context.Request, rpc, violations);
        if (violations.Count > 0)
        {
            context.Items[RestErrorCapture.ItemKey] = ErrorStatus.Invalid(violations);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // A server-streaming answer (none is transcoded today) is written message by message and is left as it is.
        if (rpc.MethodDescriptor.IsServerStreaming || ResponseMessage(rpc) is not { } response || !RestDateFields.HoldsDate(response))
        {
            await next(context);
            return;
        }
        await RewriteResponse(context, response);
    }

    /// <summary>Query values bind to request fields outside the body (none when the body is "*").</summary>
    private static void RewriteQuery(HttpRequest request, GrpcJsonTranscodingMetadata rpc, List<FieldViolation> violations)
    {
        var rule = rpc.HttpRule;
        var input = rpc.MethodDescriptor.InputType;
        if (rule.Body == "*" || request.Query.Count == 0 || !RestDateFields.HoldsDate(input))
        {
            return;
        }
        var changed = false;
        var rewritten = new List<KeyValuePair<string, StringValues>>();
        foreach (var (key, values) in request.Query)
        {
            if (RestDateFields.QueryDateField(input, key, rule.Body) is { } path && values.Count == 1 && values[0] is { } text)
            {
                changed = true;
                if (IsoDate.TryParse(text, out var date))
                {
                    rewritten.Add(new($"{key}.year", $"{date.Year}"));
                    rewritten.Add(new($"{key}.month", $"{date.Month}"));
                    rewritten.Add(new($"{key}.day", $"{date.Day}"));
                }
                else
                {
                    violations.Add(new FieldViolation(path, IsoDate.InvalidDescription));
                }
                continue;
            }
            rewritten.Add(new(key, values));
        }
        if (changed)
        {
            request.QueryString = QueryString.Create(rewritten);
        }
    }

    private static async Task RewriteBody(HttpRequest request, GrpcJsonTranscodingMetadata rpc, List<FieldViolation> violations)
    {
        if (BodyMessage(rpc) is not { } body || !RestDateFields.HoldsDate(body.Message) || !IsJson(request.ContentType))
        {
            return;
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var original = buffer.ToArray();
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(original);
        }
        catch (JsonException)
        {
            json = null; // the transcoder answers unreadable JSON itself (MALFORMED_MESSAGE)
        }
        var bytes = json is not null && RestDateFields.FromIso(json, body.Message, body.Path, violations) > 0
            ? JsonSerializer.SerializeToUtf8Bytes(json)
            : original;
        request.Body = new MemoryStream(bytes, writable: false);
        request.ContentLength = bytes.Length;
    }

    /// <summary>The message the body holds: the whole request ("*") or one of its singular message fields.</summary>
    private static (MessageDescriptor Message, string Path)? BodyMessage(GrpcJsonTranscodingMetadata rpc)
    {
        var input = rpc.MethodDescriptor.InputType;
        return rpc.HttpRule.Body switch
        {
            "" => null,
            "*" => (input, ""),
            var name => input.FindFieldByName(name) is { IsRepeated: false, FieldType: FieldType.Message } field ? (field.MessageType, field.Name) : null,
        };
    }

    private static MessageDescriptor? ResponseMessage(GrpcJsonTranscodingMetadata rpc)
    {
        var output = rpc.MethodDescriptor.OutputType;
        return rpc.HttpRule.ResponseBody switch
        {
            "" => output,
            var name => output.FindFieldByName(name) is { IsRepeated: false, FieldType: FieldType.Message } field ? field.MessageType : null,
        };
    }

    /// <summary>
    /// Rewrites a successful answer in <see cref="RestProblemMiddleware"/>'s buffer (a page at most; exports are not
    /// transcoded), so the answer is held once.
    /// </summary>
    private async Task RewriteResponse(HttpContext context, MessageDescriptor message)
    {
        var response = context.Response;
        if (RestProblemMiddleware.AnswerBuffer(context) is not { } buffer || !ReferenceEquals(response.Body, buffer))
        {
            throw new InvalidOperationException("REST answers are buffered by RestProblemMiddleware before their dates are rewritten.");
        }
        var start = buffer.Length;
        await next(context);
        if (response.StatusCode != StatusCodes.Status200OK || buffer.Length == start || !IsJson(response.ContentType))
        {
            return;
        }
        buffer.Position = start;
        var json = JsonNode.Parse(buffer);
        RestDateFields.ToIso(json, message);
        buffer.SetLength(start);
        response.ContentLength = null;
        await using var writer = new Utf8JsonWriter(buffer, Writer);
        json?.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));
}
