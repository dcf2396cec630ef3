using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace GonPortal.Server.Conversion;

/// <summary>Conversion at the start of a period (conversion.proto): the gemeente only; <see cref="ConversionImport"/> does the work.</summary>
[Authorize(Roles = GonRoles.Gemeente)]
public sealed class ConversionGrpcService(ConversionImport import) : ConversionService.ConversionServiceBase
{
    public override async Task<ImportConversionResponse> ImportConversion(ImportConversionRequest request, ServerCallContext context)
    {
        var rows = ConversionFile.Read(request.Csv.Span);
        var report = await import.RunAsync(rows, context.CancellationToken);
        var response = new ImportConversionResponse { ClientsCreatedCount = report.ClientsCreated };
        foreach (var line in report.Lines)
        {
            response.Lines.Add(new ConversionLineReport
            {
                Line = line.Line,
                SourceReference = line.SourceReference,
                Outcome = (Contracts.V1.ConversionOutcome)(int)line.Outcome,
                Refusal = line.Refusal is null ? Contracts.V1.ConversionRefusal.Unspecified : (Contracts.V1.ConversionRefusal)(int)line.Refusal.Problem,
                Column = line.Refusal?.Column ?? "",
                Description = line.Refusal?.Description ?? "",
            });
        }
        response.ConvertedCount = report.Lines.Count(l => l.Outcome == ConversionOutcome.Converted);
        response.AlreadyConvertedCount = report.Lines.Count(l => l.Outcome == ConversionOutcome.AlreadyConverted);
        response.RefusedCount = report.Lines.Count(l => l.Outcome == ConversionOutcome.Refused);
        return response;
    }
}
