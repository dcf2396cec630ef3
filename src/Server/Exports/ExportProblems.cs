using GonPortal.Domain.Common;
using GonPortal.Server.ErrorModel;

namespace GonPortal.Server.Exports;

/// <summary>
/// The error model for the export endpoint, as problem details (RFC 9457): the same cases and reason codes as the
/// gRPC answers (<see cref="ErrorStatus"/>), with the field violations of a bad filter in <c>violations</c>
/// (<c>field</c>, <c>description</c>, as google.rpc.BadRequest). Only errors before the first byte of the file can be
/// answered this way; a failure while streaming aborts the response so a cut-off file is never taken for a whole one.
/// </summary>
internal static class ExportProblems
{
    public static IResult? From(Exception e) => e switch
    {
        DomainValidationException v => Invalid(v.Violations),
        NotFoundException n => Problem(StatusCodes.Status404NotFound, n.Reason, n.Message),
        PermissionDeniedException p => Problem(StatusCodes.Status403Forbidden, p.Reason, p.Message),
        InvalidStateException s => Problem(StatusCodes.Status409Conflict, s.Reason, s.Message),
        _ when TransientFailures.IsTransient(e) => Problem(StatusCodes.Status503ServiceUnavailable, ErrorReasons.DatabaseUnavailable,
            "The database is briefly unavailable; try again in a few seconds."),
        _ => null,
    };

    public static IResult Invalid(IEnumerable<FieldViolation> violations) => Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request has invalid fields.",
        Type = "https://gonportal.nl/problems/field-violations",
        Extensions =
        {
            ["reason"] = ErrorReasons.FieldViolations,
            ["violations"] = violations.Select(v => new { field = v.Field, description = v.Description }).ToList(),
        },
    });

    public static IResult Problem(int status, string reason, string detail) => Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = status,
        Title = detail,
        Extensions = { ["reason"] = reason },
    });
}
