using GonPortal.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Rest;

/// <summary>
/// Transcoding adds HTTP routes beside the guarded gRPC binder; the default binder, which <c>AddGrpc()</c> brings back,
/// must not map each gRPC method a second time (an ambiguous match answers HTTP 500).
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class RestEndpointTests(SqliteHosts hosts)
{
    [Fact]
    public void Every_grpc_method_and_rest_route_is_mapped_once()
    {
        hosts.RequireAvailable();
        var routes = hosts.ServerServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern.RawText!, Methods: string.Join(",", e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])))
            .ToList();
        Assert.Contains(routes, r => r.Pattern == "/gon.v1.ClientService/CreateClient");
        Assert.Contains(routes, r => r.Pattern == "/api/v1/clients/{client_id}" && r.Methods == "GET");
        var twice = routes.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => $"{g.Key.Methods} {g.Key.Pattern}").ToList();
        Assert.Empty(twice);
    }
}
