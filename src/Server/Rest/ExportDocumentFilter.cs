using System.Text.RegularExpressions;
using GonPortal.HostContracts;
using GonPortal.Server.Exports;
using GonPortal.Server.Paging;
using GonPortal.Server.Tenancy;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace GonPortal.Server.Rest;

/// <summary>
/// Puts the table exports (<see cref="ExportEndpoints"/>, a plain endpoint that transcoding and Grpc.Swagger do not see)
/// into the OpenAPI document: one <c>GET /api/v1/exports/&lt;name&gt;</c> per <see cref="ExportTable.All"/> entry, its
/// query parameters being <c>format</c> and exactly the filters <see cref="ExportRequestMapping"/> reads from the table's
/// list request (<see cref="ExportRequestMapping.Filters"/>), typed from the request's descriptor. A table added to
/// <see cref="ExportTable.All"/> appears here without a change to this filter.
/// </summary>
internal sealed class ExportDocumentFilter : IDocumentFilter
{
    public const string Tag = "Exports";

    /// <summary>The problem details schema (<see cref="RestProblemMapping.Write"/>), added when the document has none.</summary>
    public const string ProblemSchema = "Problem";

    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A fixed, well-formed id as the example of every id filter (it matches nothing).</summary>
    private const string ExampleId = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    /// <summary>Examples for filters whose value has a shape a type alone does not tell (by proto field name).</summary>
    private static readonly IReadOnlyDictionary<string, IOpenApiAny> Examples = new Dictionary<string, IOpenApiAny>(StringComparer.Ordinal)
    {
        ["bsn"] = new OpenApiString("111222333"),
        ["postcode"] = new OpenApiString("9711 AB"),
        ["query"] = new OpenApiString("Jansen"),
        ["year"] = new OpenApiInteger(2027),
        ["month"] = new OpenApiInteger(3),
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Tags ??= [];
        if (document.Tags.All(t => t.Name != Tag))
        {
            document.Tags.Add(new OpenApiTag
            {
                Name = Tag,
                Description = "Een hele gefilterde tabel in één bestand voor een ander systeem: CSV (puntkomma-gescheiden, UTF-8 met BOM) "
                    + "of Excel (.xlsx). Dezelfde filters, rechten en zichtbaarheid als de lijst van die tabel, zonder pagina's.",
            });
        }
        var problem = Problem(document);
        foreach (var table in ExportTable.All.Values)
        {
            document.Paths[PathOf(table)] = new OpenApiPathItem { Operations = { [OperationType.Get] = Operation(table, problem) } };
        }
    }

    public static string PathOf(ExportTable table) => $"{RestExtensions.BasePath}/exports/{table.Name}";

    /// <summary>ExportHourEntries for hour-entries.</summary>
    public static string OperationIdOf(ExportTable table) =>
        "Export" + string.Concat(table.Name.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static OpenApiOperation Operation(ExportTable table, OpenApiSchema problem)
    {
        var rpc = ListRpcName(table.List);
        var roles = string.Join(", ", GonRoles.All.Where(table.Roles.Contains));
        var operation = new OpenApiOperation
        {
            OperationId = OperationIdOf(table),
            Tags = [new OpenApiTag { Name = Tag }],
            Summary = $"{table.SheetName} exporteren als CSV of Excel",
            Description = $"Alle rijen van {table.SheetName} die de filters treffen, in één bestand ({table.FileName}.csv of "
                + $"{table.FileName}.xlsx): dezelfde filters, volgorde, zichtbaarheid en audit als de lijst {rpc}, zonder pagina's. "
                + $"Filters mogen ook onder hun veldnaam in de proto (snake_case) gegeven worden. Rollen: {roles}. "
                + "Een fout vóór de eerste byte is een problem details-document; een fout tijdens het versturen breekt de verbinding af, "
                + "zodat een afgebroken bestand nooit voor een heel bestand doorgaat.",
            Parameters = [FormatParameter()],
            Responses = Responses(table, problem),
        };
        foreach (var field in ExportRequestMapping.Filters(table.List.Request))
        {
            operation.Parameters.Add(FilterParameter(field, table));
        }
        if (table.Roles.Contains(GonRoles.Gemeente))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = TenantResolver.PurposeHeader,
                In = ParameterLocation.Header,
                Description = "Alleen voor de gemeente: het doel van de inzage, dat met elke gelezen rij in het auditspoor komt "
                    + "(na 500 tekens afgekapt).",
                Schema = new OpenApiSchema { Type = "string" },
            });
        }
        return operation;
    }

    /// <summary>The list RPC's gRPC name (gon.v1.ClientService/ListClients), as the rest of the document and the protos call it.</summary>
    private static string ListRpcName(ExportListRpc list)
    {
        var method = list.Request.File.Services.SelectMany(s => s.Methods)
            .FirstOrDefault(m => m.Name == list.Method && m.InputType == list.Request);
        return method is null ? list.Method : $"{method.Service.FullName}/{method.Name}";
    }

    private static OpenApiParameter FormatParameter() => new()
    {
        Name = "format",
        In = ParameterLocation.Query,
        Description = "De bestandsvorm: csv (puntkomma-gescheiden, UTF-8 met BOM, decimale komma) of xlsx (Excel, met echte getallen, "
            + "datums en bedragen). Zonder format: csv.",
        Schema = new OpenApiSchema
        {
            Type = "string",
            Enum = [new OpenApiString("csv"), new OpenApiString("xlsx")],
            Default = new OpenApiString("csv"),
        },
    };

    private static OpenApiParameter FilterParameter(FieldDescriptor field, ExportTable table)
    {
        var (schema, text) = field.FieldType switch
        {
            FieldType.Int32 => (new OpenApiSchema { Type = "integer", Format = "int32" }, "Een geheel getal."),
            FieldType.Bool => (new OpenApiSchema { Type = "boolean" }, "true of false."),
            FieldType.Enum => (EnumSchema(field.EnumType), EnumText(field.EnumType)),
            // google.type.Date: the one message type Filters admits
            FieldType.Message => (RestExtensions.DateSchema(), "Een datum volgens ISO 8601 (jjjj-mm-dd)."),
            _ when field.Name == OrderBy.FieldName && table.OrderFields is { Count: > 0 } fields => (OrderSchema(fields),
                $"De volgorde: één van de velden {string.Join(", ", fields.Order(StringComparer.Ordinal))}, eventueel gevolgd door een spatie "
                + "en asc (oplopend, standaard) of desc (aflopend). Zonder order_by: de eigen volgorde van de lijst."),
            _ when field.Name.EndsWith("_id", StringComparison.Ordinal) =>
                (new OpenApiSchema { Type = "string", Format = "uuid", Example = new OpenApiString(ExampleId) }, "Een id (uuid)."),
            _ => (new OpenApiSchema { Type = "string" }, "Een tekst."),
        };
        if (Examples.TryGetValue(field.Name, out var example))
        {
            schema.Example = example;
        }
        schema.Example ??= field.FieldType switch
        {
            FieldType.Int32 => (IOpenApiAny)new OpenApiInteger(1),
            FieldType.Bool => new OpenApiBoolean(true),
            FieldType.String => new OpenApiString("voorbeeld"),
            _ => null,
        };
        var alias = field.JsonName == field.Name ? "" : $" (ook als {field.Name} te geven)";
        var absent = field.Name == OrderBy.FieldName ? "" : " Leeg of weggelaten: geen filter.";
        return new OpenApiParameter
        {
            Name = field.JsonName,
            In = ParameterLocation.Query,
            Description = $"Veld {field.Name} van {field.ContainingType.Name}{alias}. {text}{absent}",
            Schema = schema,
        };
    }

    /// <summary>How an enum value is written, with an example in both accepted spellings (HOUR_ENTRY_STATUS_APPROVED or APPROVED).</summary>
    private static string EnumText(EnumDescriptor type)
    {
        var names = type.Values.Select(v => v.Name).ToList();
        var prefix = names.Aggregate((a, b) => a[..a.Zip(b).TakeWhile(p => p.First == p.Second).Count()]);
        prefix = prefix[..(prefix.LastIndexOf('_') + 1)];
        var example = type.Values.First(v => v.Number != 0).Name;
        var spelling = prefix.Length == 0
            ? $"Een waarde bij naam (bijvoorbeeld {example})"
            : $"Een waarde bij naam, de volledige of zonder {prefix} ervoor (bijvoorbeeld {example} of {example[prefix.Length..]})";
        return spelling + ", in hoofd- of kleine letters; nooit een getal.";
    }

    /// <summary>The named values, without the zero value (which means "no filter" and is the same as leaving it out).</summary>
    private static OpenApiSchema EnumSchema(EnumDescriptor type)
    {
        var values = type.Values.Where(v => v.Number != 0).Select(v => (IOpenApiAny)new OpenApiString(v.Name)).ToList();
        return new OpenApiSchema { Type = "string", Enum = values, Example = values.FirstOrDefault() };
    }

    private static OpenApiSchema OrderSchema(IReadOnlyCollection<string> fields)
    {
        var names = fields.Order(StringComparer.Ordinal).ToList();
        return new OpenApiSchema
        {
            Type = "string",
            Pattern = $"^({string.Join('|', names.Select(Regex.Escape))})( (asc|desc))?$",
            Example = new OpenApiString(names[0] + " desc"),
        };
    }

    private static OpenApiResponses Responses(ExportTable table, OpenApiSchema problem)
    {
        var file = new OpenApiSchema { Type = "string", Format = "binary" };
        OpenApiResponse Problem(string description) => new()
        {
            Description = description,
            Content = { [RestProblemMapping.ContentType] = new OpenApiMediaType { Schema = problem } },
        };
        return new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = $"Het bestand, als bijlage {table.FileName}.csv of {table.FileName}.xlsx.",
                Headers =
                {
                    ["Content-Disposition"] = new OpenApiHeader
                    {
                        Description = $"attachment; filename=\"{table.FileName}.csv\" (of .xlsx)",
                        Schema = new OpenApiSchema { Type = "string" },
                    },
                },
                Content =
                {
                    [CsvType] = new OpenApiMediaType { Schema = file },
                    [XlsxType] = new OpenApiMediaType { Schema = file },
                },
            },
            ["400"] = Problem("Een onbekende parameter, een ongeldige waarde of een ongeldig format: invalid-params noemt elke parameter."),
            ["401"] = new OpenApiResponse { Description = "Geen of een verlopen toegangstoken." },
            ["403"] = Problem("De rol van de aanroeper mag deze tabel niet lezen (of dit filter niet gebruiken), of het token noemt geen organisatie."),
            ["404"] = Problem("Niet gevonden: een tabelnaam in het pad die niet bestaat, of (zoals elk /api/v1-antwoord) iets dat de aanroeper niet mag zien; "
                + "een filter op een onbekend of onzichtbaar id geeft gewoon een leeg bestand."),
            ["503"] = Problem("De dienst is tijdelijk niet beschikbaar; probeer het later opnieuw."),
        };
    }

    /// <summary>A reference to the document's problem details schema, added under <see cref="ProblemSchema"/> when missing.</summary>
    private static OpenApiSchema Problem(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        if (!document.Components.Schemas.ContainsKey(ProblemSchema))
        {
            OpenApiSchema Text(string description) => new() { Type = "string", Description = description };
            document.Components.Schemas[ProblemSchema] = new OpenApiSchema
            {
                Type = "object",
                Description = "Problem details (RFC 9457), zoals elke fout van /api/v1.",
                Required = new HashSet<string> { "type", "title", "status", "code" },
                Properties = new Dictionary<string, OpenApiSchema>
                {
                    ["type"] = Text("urn:gon:problem: gevolgd door de code in kleine letters met streepjes."),
                    ["title"] = Text("Wat er mis is, in het Nederlands."),
                    ["status"] = new() { Type = "integer", Format = "int32", Description = "De HTTP-status." },
                    ["instance"] = Text("Het pad van de aanvraag."),
                    ["code"] = Text("De reden (ErrorInfo.reason), bijvoorbeeld ROLE_NOT_ALLOWED."),
                    ["grpc-status"] = Text("De gRPC-status van dezelfde fout."),
                    ["metadata"] = new()
                    {
                        Type = "object",
                        Description = "Gegevens bij de reden.",
                        AdditionalProperties = new OpenApiSchema { Type = "string" },
                    },
                    ["invalid-params"] = new()
                    {
                        Type = "array",
                        Description = "De ongeldige velden of parameters.",
                        Items = new OpenApiSchema
                        {
                            Type = "object",
                            Properties = new Dictionary<string, OpenApiSchema>
                            {
                                ["name"] = Text("Het veld of de parameter, zoals de aanvraag het noemt."),
                                ["code"] = Text("De soort fout, bijvoorbeeld REQUIRED."),
                                ["reason"] = Text("Wat er mis is, in het Nederlands."),
                            },
                        },
                    },
                },
            };
        }
        return new OpenApiSchema { Reference = new OpenApiReference { Type = ReferenceType.Schema, Id = ProblemSchema } };
    }
}
