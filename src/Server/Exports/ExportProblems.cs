using System.Text.Json;
using GonPortal.Domain.Common;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Rest;
using Grpc.Core;

namespace GonPortal.Server.Exports;

/// <summary>
/// The error model for the export endpoint: the gRPC status the same failure gets (<see cref="ErrorStatus"/>), written
/// as the REST API's problem details (<see cref="RestProblemMapping"/>: <c>code</c>, Dutch <c>title</c>, field
/// violations in <c>invalid-params</c>), so a system reads one error shape for every <c>/api/v1</c> answer. Only errors
/// before the first byte of the file can be answered this way; a failure while streaming aborts the response so a
/// cut-off file is never taken for a whole one.
/// </summary>
internal static class ExportProblems
{
    /// <summary>The answer for a failure the caller can act on; null for anything else (it stays an exception).</summary>
    public static IResult? From(Exception e, ILogger logger) => e switch
    {
        DomainValidationException or NotFoundException or PermissionDeniedException or InvalidStateException
            => new ProblemResult(ErrorStatus.From(e, logger)!),
        _ when TransientFailures.IsTransient(e) => new ProblemResult(ErrorStatus.Unavailable()),
        _ => null,
    };

    public static IResult Problem(StatusCode code, string reason, string message) => new ProblemResult(ErrorStatus.Build(code, reason, message));

    private sealed class ProblemResult(RpcException error) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = RestProblemMapping.HttpStatus(error.StatusCode);
            http.Response.ContentType = RestProblemMapping.ContentType;
            await using var json = new Utf8JsonWriter(http.Response.Body);
            RestProblemMapping.Write(json, error.StatusCode, error.GetRpcStatus(), http.Request.Path);
            await json.FlushAsync(http.RequestAborted);
        }
    }
}
