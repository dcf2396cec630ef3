using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace GonPortal.Server.Rest;

/// <summary>
/// Grpc.Swagger lists a google.type.Date query field as three parameters (<c>serviceDateFrom.year</c>, <c>.month</c>,
/// <c>.day</c>); <see cref="RestDateMiddleware"/> takes it as one ISO date, so the document shows one
/// <c>serviceDateFrom</c> parameter of type string, format date. Only prefixes the method's request descriptor names as
/// a Date field are merged.
/// </summary>
public sealed class RestDateOperationFilter : IOperationFilter
{
    private static readonly string[] Parts = ["year", "month", "day"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata?.OfType<GrpcJsonTranscodingMetadata>().FirstOrDefault() is not { } rpc)
        {
            return;
        }
        var groups = operation.Parameters
            .Where(p => p.In == ParameterLocation.Query && p.Name.LastIndexOf('.') > 0 && Parts.Contains(p.Name[(p.Name.LastIndexOf('.') + 1)..]))
            .GroupBy(p => p.Name[..p.Name.LastIndexOf('.')])
            .Where(g => RestDateFields.QueryDateField(rpc.MethodDescriptor.InputType, g.Key, rpc.HttpRule.Body) is not null)
            .ToList();
        foreach (var group in groups)
        {
            var index = operation.Parameters.IndexOf(group.First());
            foreach (var part in group)
            {
                operation.Parameters.Remove(part);
            }
            operation.Parameters.Insert(index, new OpenApiParameter
            {
                Name = group.Key,
                In = ParameterLocation.Query,
                Description = "Datum volgens ISO 8601 (jjjj-mm-dd), bijvoorbeeld 2027-03-01.",
                Schema = RestExtensions.DateSchema(),
            });
        }
    }
}
