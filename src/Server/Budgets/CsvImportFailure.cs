using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using GonPortal.Contracts.V1;
using GonPortal.Domain.Budgets;
using Grpc.Core;

namespace GonPortal.Server.Budgets;

/// <summary>
/// The INVALID_ARGUMENT of a failed ImportPgbCsv: every invalid row in a gon.v1.CsvImportErrors
/// detail, plus a google.rpc.BadRequest on the field "csv" so generic clients of our error model
/// still see which field was wrong.
/// </summary>
public static class CsvImportFailure
{
    public static RpcException ToRpcException(IReadOnlyList<PgbCsvError> errors)
    {
        var rows = new CsvImportErrors();
        rows.Errors.AddRange(errors.Select(e => new CsvRowError { Line = e.Line, Column = e.Column, Message = e.Message }));
        var badRequest = new BadRequest
        {
            FieldViolations =
            {
                new BadRequest.Types.FieldViolation
                {
                    Field = "csv",
                    Description = $"{errors.Count} invalid row(s); nothing was stored. First: line {errors[0].Line}: {errors[0].Message}",
                },
            },
        };
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "The CSV file is invalid; nothing was stored. See the CsvImportErrors detail.",
            Details = { Any.Pack(badRequest), Any.Pack(rows) },
        }.ToRpcException();
    }
}
