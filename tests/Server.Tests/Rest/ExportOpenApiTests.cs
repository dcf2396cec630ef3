using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GonPortal.HostContracts;
using GonPortal.Server.Exports;
using GonPortal.Server.Tests.Infrastructure;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Validations;

namespace GonPortal.Server.Tests.Rest;

/// <summary>
/// The table exports in the Server's OpenAPI document: one path per <see cref="ExportTable.All"/> entry with its format
/// and filters typed from the list request, file and problem answers; and the document checked against the real
/// endpoint both ways: every documented parameter, with its documented example (every enum value, every order_by
/// field), is read by the endpoint, and every field of the list request that is not documented is refused as unknown.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ExportOpenApiTests(SqliteHosts hosts) : IDisposable
{
    private static readonly string[] Paging = ["page_size", "page_token", "include_total_count"];

    private readonly HttpClient _http = new() { BaseAddress = hosts.ServerHttpUrl };

    [Fact]
    public async Task Every_export_table_is_a_path_with_its_format_and_filters()
    {
        var document = await DocumentAsync();
        var exportPaths = document.Paths.Keys.Where(p => p.StartsWith("/api/v1/exports", StringComparison.Ordinal)).ToList();
        Assert.Equal(ExportTable.All.Keys.Select(n => $"/api/v1/exports/{n}").Order(), exportPaths.Order());
        Assert.Contains(document.Tags, t => t.Name == "Exports" && !string.IsNullOrWhiteSpace(t.Description));

        foreach (var table in ExportTable.All.Values)
        {
            var item = document.Paths[$"/api/v1/exports/{table.Name}"];
            var operation = Assert.Single(item.Operations, o => o.Key == OperationType.Get).Value;
            Assert.False(string.IsNullOrWhiteSpace(operation.OperationId));
            Assert.Contains(operation.Tags, t => t.Name == "Exports");
            Assert.Contains(table.SheetName, operation.Summary, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(operation.Description));

            var format = Assert.Single(operation.Parameters, p => p.Name == "format");
            Assert.Equal(ParameterLocation.Query, format.In);
            Assert.Equal(["csv", "xlsx"], format.Schema.Enum.Select(Text));
            Assert.Equal("csv", Text(format.Schema.Default));

            // The filters are the list request's fields, paging aside, under their JSON names, typed from the descriptor.
            var fields = table.List.Request.Fields.InDeclarationOrder().Where(f => !Paging.Contains(f.Name)).ToList();
            var filters = operation.Parameters.Where(p => p.In == ParameterLocation.Query && p.Name != "format").ToList();
            Assert.Equal(fields.Select(f => f.JsonName), filters.Select(p => p.Name));
            foreach (var (field, parameter) in fields.Zip(filters))
            {
                AssertTyped(table, field, parameter.Schema);
                Assert.False(parameter.Required);
                Assert.False(string.IsNullOrWhiteSpace(parameter.Description), $"{table.Name} {parameter.Name} has no description");
                Assert.NotNull(parameter.Schema.Example);
            }
            Assert.Equal(table.Roles.Contains(GonRoles.Gemeente), operation.Parameters.Any(p => p.In == ParameterLocation.Header && p.Name == "gon-purpose"));

            var ok = operation.Responses["200"];
            Assert.Equal(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"], ok.Content.Keys.Order());
            Assert.All(ok.Content.Values, c => Assert.True(c.Schema is { Type: "string", Format: "binary" }));
            foreach (var status in new[] { "400", "403", "404" })
            {
                var problem = Assert.Single(operation.Responses[status].Content);
                Assert.Equal("application/problem+json", problem.Key);
                Assert.Equal("Problem", problem.Value.Schema.Reference?.Id);
            }
            Assert.True(operation.Responses.ContainsKey("401"));
        }
        // Beyond reading without errors, the document passes Microsoft.OpenApi's own validation rules.
        var errors = document.Validate(ValidationRuleSet.GetDefaultRuleSet()).ToList();
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.Equal(ExportTable.All.Count, ExportTable.All.Values.Select(t => document.Paths[$"/api/v1/exports/{t.Name}"].Operations[OperationType.Get].OperationId).Distinct().Count());
        var schema = document.Components.Schemas["Problem"];
        Assert.Contains("invalid-params", schema.Properties.Keys);
        Assert.Contains("code", schema.Properties.Keys);
    }

    [Fact]
    public async Task Every_documented_parameter_is_read_by_the_export_endpoint()
    {
        var document = await DocumentAsync();
        foreach (var table in ExportTable.All.Values)
        {
            var operation = document.Paths[$"/api/v1/exports/{table.Name}"].Operations[OperationType.Get];
            foreach (var parameter in operation.Parameters.Where(p => p.In == ParameterLocation.Query))
            {
                var proto = table.List.Request.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == parameter.Name)?.Name ?? parameter.Name;
                foreach (var value in Values(parameter.Schema, table))
                {
                    var (status, named) = await ExportAsync(table, $"{parameter.Name}={Uri.EscapeDataString(value)}");
                    // Another filter may be required (a statement's year), but this one must be neither unknown nor refused.
                    Assert.False(status == HttpStatusCode.BadRequest && (named.Contains(parameter.Name) || named.Contains(proto)),
                        $"{table.Name}: {parameter.Name}={value} answered 400 naming it");
                    Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{table.Name}: {parameter.Name}={value} answered {(int)status}");
                }
            }
        }
    }

    [Fact]
    public async Task A_parameter_the_endpoint_refuses_as_unknown_is_not_in_the_document()
    {
        var document = await DocumentAsync();
        foreach (var table in ExportTable.All.Values)
        {
            var documented = document.Paths[$"/api/v1/exports/{table.Name}"].Operations[OperationType.Get].Parameters.Select(p => p.Name).ToHashSet();
            var undocumented = table.List.Request.Fields.InDeclarationOrder().Where(f => !documented.Contains(f.JsonName))
                .SelectMany(f => new[] { f.Name, f.JsonName }).Append("unknownFilter").Distinct().ToList();
            Assert.Contains("pageSize", undocumented);
            foreach (var name in undocumented)
            {
                Assert.DoesNotContain(name, documented);
                var (status, named) = await ExportAsync(table, $"{name}=1");
                Assert.True(status == HttpStatusCode.BadRequest && named.Contains(name), $"{table.Name}: {name} answered {(int)status}, naming {string.Join(",", named)}");
            }
        }
    }

    private async Task<OpenApiDocument> DocumentAsync()
    {
        hosts.RequireAvailable();
        using var response = await _http.GetAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var document = new OpenApiStreamReader().Read(stream, out var diagnostic);
        Assert.Empty(diagnostic.Errors);
        return document;
    }

    private static void AssertTyped(ExportTable table, FieldDescriptor field, OpenApiSchema schema)
    {
        var where = $"{table.Name} {field.Name}";
        switch (field.FieldType)
        {
            case FieldType.Int32:
                Assert.True(schema.Type == "integer", where);
                break;
            case FieldType.Bool:
                Assert.True(schema.Type == "boolean", where);
                break;
            case FieldType.Enum:
                Assert.True(schema.Type == "string", where);
                Assert.Equal(field.EnumType.Values.Where(v => v.Number != 0).Select(v => v.Name), schema.Enum.Select(Text));
                break;
            case FieldType.Message:
                Assert.True(field.MessageType.FullName == "google.type.Date" && schema is { Type: "string", Format: "date" }, where);
                break;
            default:
                Assert.True(schema.Type == "string", where);
                if (field.Name == "order_by")
                {
                    Assert.NotNull(table.OrderFields);
                    Assert.All(table.OrderFields, name => Assert.Contains(name, schema.Pattern, StringComparison.Ordinal));
                }
                break;
        }
    }

    /// <summary>The documented example, every enum value, and every order_by field in both directions (from the pattern's alternatives).</summary>
    private static IEnumerable<string> Values(OpenApiSchema schema, ExportTable table)
    {
        if (schema.Enum.Count > 0)
        {
            // The full names, and (for a proto enum, whose names share a prefix such as PRODUCT_) the short ones the description offers.
            var names = schema.Enum.Select(Text).ToList();
            var prefix = names.Aggregate((a, b) => a[..a.Zip(b).TakeWhile(p => p.First == p.Second).Count()]);
            prefix = prefix[..(prefix.LastIndexOf('_') + 1)];
            return prefix.Length == 0 ? names : names.Concat(names.Select(n => n[prefix.Length..].ToLowerInvariant()));
        }
        if (schema.Pattern is { } pattern && pattern.StartsWith("^(", StringComparison.Ordinal))
        {
            var names = pattern[2..pattern.IndexOf(')', StringComparison.Ordinal)].Split('|');
            Assert.Equal(table.OrderFields!.Order(StringComparer.Ordinal), names);
            return names.SelectMany(n => new[] { n, n + " asc", n + " desc" }).Append(Text(schema.Example));
        }
        return [Text(schema.Example)];
    }

    private static string Text(IOpenApiAny? value) => value switch
    {
        OpenApiString s => s.Value,
        OpenApiInteger i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OpenApiBoolean b => b.Value ? "true" : "false",
        OpenApiDate d => d.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"no example text for {value?.GetType().Name ?? "null"}"),
    };

    /// <summary>
    /// One export call by a caller of a role the table admits (a hoofdaanbieder when it may); only the status and the
    /// violations' names are read, so a large table is not downloaded.
    /// </summary>
    private async Task<(HttpStatusCode Status, IReadOnlyList<string> Named)> ExportAsync(ExportTable table, string query)
    {
        var caller = table.Roles.Contains(GonRoles.Hoofdaanbieder) ? Callers.HaOost
            : table.Roles.Contains(GonRoles.Gemeente) ? Callers.Gemeente
            : table.Roles.Contains(GonRoles.Onderaannemer) ? Callers.OaDeLinde
            : Callers.Wij;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/exports/{table.Name}?{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await hosts.TokenFor(caller));
        if (caller == Callers.Gemeente)
        {
            request.Headers.Add("gon-purpose", "Controle OpenAPI-beschrijving");
        }
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return (response.StatusCode, []);
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var named = json.RootElement.TryGetProperty("invalid-params", out var list)
            ? list.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList()
            : [];
        return (response.StatusCode, named);
    }

    public void Dispose() => _http.Dispose();
}
