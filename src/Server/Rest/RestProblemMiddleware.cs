using System.Text.Json;
using Grpc.Core;

namespace GonPortal.Server.Rest;

/// <summary>
/// Around every REST call under <c>/api/v1</c> (not the exports, which answer for themselves, nor the OpenAPI document):
/// an answer of 400 or more, whether from the transcoded RPC (status kept by <see cref="RestErrorCapture"/>), from the
/// transcoder (unreadable JSON), from authentication (no or expired token: 401), authorization (a role refused: 403) or
/// routing (404), leaves as an RFC 9457 problem details document (<see cref="RestProblemMapping"/>). The answer is
/// buffered so an error can still replace it; a page of a list is at most a few megabytes.
/// </summary>
public sealed class RestProblemMiddleware(RequestDelegate next, ILogger<RestProblemMiddleware> logger)
{
    private const string MarkerKey = "gon.rest";

    /// <summary>The full version of the REST API, sent as <c>API-Version</c> on every answer (national API design rules).</summary>
    public const string ApiVersion = "1.0.0";

    public static bool IsRest(HttpContext context) => context.Items.ContainsKey(MarkerKey);

    /// <summary>The buffer the answer is written to, so later rewriting (ISO dates) works on it instead of buffering again.</summary>
    public static MemoryStream? AnswerBuffer(HttpContext context) => context.Items[MarkerKey] as MemoryStream;

    public static bool Applies(PathString path) =>
        path.StartsWithSegments(RestExtensions.BasePath)
        && !path.StartsWithSegments(RestExtensions.BasePath + "/exports")
        && !path.Equals(RestExtensions.OpenApiPath);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!Applies(context.Request.Path))
        {
            await next(context);
            return;
        }
        context.Response.Headers["API-Version"] = ApiVersion;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Items[MarkerKey] = buffer;
        context.Response.Body = buffer;
        Exception? failure = null;
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // Whatever failed after the RPC (or instead of it) still leaves as problem details: the captured status, else INTERNAL.
            logger.LogError(e, "REST call {Path} failed", context.Request.Path);
            failure = e;
        }
        finally
        {
            context.Response.Body = original;
        }
        var response = context.Response;
        if (failure is null && response.StatusCode < StatusCodes.Status400BadRequest)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }
        StatusCode code;
        Google.Rpc.Status? status = null;
        int? httpStatus = null;
        if (context.Items[RestErrorCapture.ItemKey] is RpcException captured)
        {
            code = captured.StatusCode;
            status = captured.GetRpcStatus();
        }
        else if (failure is not null)
        {
            code = StatusCode.Internal;
        }
        else if (TranscoderCode(buffer) is { } transcoded)
        {
            code = transcoded;
        }
        else
        {
            code = RestProblemMapping.FromHttp(response.StatusCode);
            httpStatus = response.StatusCode; // e.g. 405 stays 405
        }
        response.StatusCode = httpStatus ?? RestProblemMapping.HttpStatus(code);
        response.ContentType = RestProblemMapping.ContentType;
        response.ContentLength = null;
        await using var json = new Utf8JsonWriter(response.Body);
        RestProblemMapping.Write(json, code, status, context.Request.Path, httpStatus);
        await json.FlushAsync(context.RequestAborted);
    }

    /// <summary>The code of the JSON status the transcoder writes itself (<c>{"code": 3, "message": ...}</c>), when it wrote one.</summary>
    private static StatusCode? TranscoderCode(MemoryStream buffer)
    {
        if (buffer.Length == 0)
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(buffer.ToArray());
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var value) && value > 0
                ? (StatusCode)value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
