using GonPortal.Server.Tests.Infrastructure;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace GonPortal.Server.Tests.Rest;

/// <summary>
/// The Server's OpenAPI 3 document is generated from the protos' google.api.http rules, read back with the
/// Microsoft.OpenApi reader without errors, lists the ECD's resources and declares bearer security; the reference page
/// is served from the Server itself (no CDN).
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class OpenApiDocumentTests(SqliteHosts hosts) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = hosts.ServerHttpUrl };

    [Fact]
    public async Task The_openapi_document_validates_and_lists_the_rest_paths()
    {
        hosts.RequireAvailable();
        using var response = await _http.GetAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var document = new OpenApiStreamReader().Read(stream, out var diagnostic);

        Assert.Empty(diagnostic.Errors);
        Assert.Equal(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0, diagnostic.SpecificationVersion);
        string[] expected =
        [
            "/api/v1/clients", "/api/v1/clients/{clientId}", "/api/v1/arrangements", "/api/v1/arrangements/{arrangementId}",
            "/api/v1/hour-entries", "/api/v1/hour-entries/{hourEntryId}", "/api/v1/subcontracts", "/api/v1/subcontracts/{subcontractId}",
            "/api/v1/statements", "/api/v1/subcontracts/{subcontractId}/statements/{year}/{month}",
        ];
        foreach (var path in expected)
        {
            Assert.True(document.Paths.ContainsKey(path), $"{path} missing; the document has {string.Join(", ", document.Paths.Keys)}");
        }
        Assert.All(document.Paths.Keys, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
        // Resources are lower-case kebab-case; parameters carry the JSON (camelCase) field names.
        Assert.All(document.Paths.Keys, p => Assert.Matches("^(/([a-z0-9-]+|\\{[a-zA-Z]+\\}))+$", p));
        Assert.Contains(OperationType.Post, document.Paths["/api/v1/hour-entries"].Operations.Keys);
        Assert.Contains(OperationType.Get, document.Paths["/api/v1/clients"].Operations.Keys);

        var scheme = Assert.Single(document.Components.SecuritySchemes);
        Assert.Equal(SecuritySchemeType.Http, scheme.Value.Type);
        Assert.Equal("bearer", scheme.Value.Scheme);
        Assert.Contains(document.SecurityRequirements, r => r.Keys.Any(k => k.Reference.Id == scheme.Key));
    }

    [Fact]
    public async Task Dates_are_described_as_iso_strings_in_bodies_answers_and_query_parameters()
    {
        hosts.RequireAvailable();
        using var response = await _http.GetAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var document = new OpenApiStreamReader().Read(stream, out var diagnostic);
        Assert.Empty(diagnostic.Errors);

        static OpenApiSchema Resolve(OpenApiDocument d, OpenApiSchema s) => s.Reference is { } r ? d.Components.Schemas[r.Id] : s;
        void AssertIsoDate(OpenApiSchema schema, string where)
        {
            var resolved = Resolve(document, schema);
            Assert.True(resolved is { Type: "string", Format: "date" }, $"{where}: type {resolved.Type}, format {resolved.Format}, properties {string.Join(",", resolved.Properties.Keys)}");
        }

        var arrangement = document.Components.Schemas.Single(p => p.Key.EndsWith("SupportArrangement", StringComparison.Ordinal)).Value;
        AssertIsoDate(arrangement.Properties["startDate"], "SupportArrangement.startDate");
        var version = Resolve(document, arrangement.Properties["versions"].Items);
        AssertIsoDate(version.Properties["effectiveFrom"], "ArrangementVersion.effectiveFrom");
        var input = document.Components.Schemas.Single(p => p.Key.EndsWith("HourEntryInput", StringComparison.Ordinal)).Value;
        AssertIsoDate(input.Properties["serviceDate"], "HourEntryInput.serviceDate");
        // No schema anywhere still describes a Date as year, month and day.
        Assert.DoesNotContain(document.Components.Schemas, p => p.Value.Properties.ContainsKey("year") && p.Value.Properties.ContainsKey("day"));

        var list = document.Paths["/api/v1/hour-entries"].Operations[OperationType.Get];
        var from = Assert.Single(list.Parameters, p => p.Name.StartsWith("serviceDateFrom", StringComparison.Ordinal));
        Assert.Equal("serviceDateFrom", from.Name);
        Assert.Equal(ParameterLocation.Query, from.In);
        AssertIsoDate(from.Schema, "query serviceDateFrom");
    }

    [Fact]
    public async Task The_reference_page_is_served_without_external_resources()
    {
        hosts.RequireAvailable();
        var html = await _http.GetStringAsync("/api/v1/docs/index.html", TestContext.Current.CancellationToken);
        Assert.Contains("swagger-ui", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
        using var script = await _http.GetAsync("/api/v1/docs/swagger-ui-bundle.js", TestContext.Current.CancellationToken);
        Assert.True(script.IsSuccessStatusCode, $"HTTP {(int)script.StatusCode}");
        // The page is configured with the Server's own document (inline, or in its index.js).
        using var index = await _http.GetAsync("/api/v1/docs/index.js", TestContext.Current.CancellationToken);
        var config = html + (index.IsSuccessStatusCode ? await index.Content.ReadAsStringAsync(TestContext.Current.CancellationToken) : "");
        Assert.Contains("/api/v1/openapi.json", config, StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();
}
