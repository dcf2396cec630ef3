using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Rest;

/// <summary>Plain HTTP/1.1 calls to the Server's REST port, as an ECD without gRPC makes them: JSON and a bearer token.</summary>
public sealed class RestCalls(GonHosts hosts) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = hosts.ServerHttpUrl };

    public async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? caller, string? json = null, string? purpose = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (purpose is not null)
        {
            request.Headers.Add("gon-purpose", purpose);
        }
        if (caller is not null && caller != Callers.Anonymous)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await hosts.TokenFor(caller));
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> Get(string path, string? caller) => Send(HttpMethod.Get, path, caller);

    public Task<HttpResponseMessage> Post(string path, string? caller, string json) => Send(HttpMethod.Post, path, caller, json);

    /// <summary>The body as JSON, after asserting the status (the body is in the failure message).</summary>
    public async Task<JsonElement> Json(HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == expectedStatus, $"HTTP {(int)response.StatusCode}, expected {expectedStatus}: {body}\n"
            + string.Join("\n", hosts.Logs.Entries.Where(e => e.Contains("Exception", StringComparison.Ordinal)).TakeLast(3)));
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A problem details answer (RFC 9457) with the status and ErrorInfo reason.</summary>
    public async Task<JsonElement> Problem(HttpResponseMessage response, int expectedStatus, string code)
    {
        var problem = await Json(response, expectedStatus);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedStatus, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.StartsWith("urn:gon:problem:", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        return problem;
    }

    public void Dispose() => _http.Dispose();
}
