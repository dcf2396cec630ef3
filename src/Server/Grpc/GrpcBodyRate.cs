using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace GonPortal.Server.Grpc;

/// <summary>
/// Lifts Kestrel's minimum request-body data rate for authorized gRPC calls. On HTTP/2 Kestrel measures that rate over
/// the whole connection and, when it is missed, aborts the connection with every call on it. A gRPC body is one small
/// message, so the measured "rate" is the number of calls a second times a few dozen bytes: when the Server itself is
/// slow (a saturated machine, a starved thread pool) the rate drops under the default 240 bytes/s and Kestrel resets
/// the connection of a client that did nothing wrong — under ReadBench's 64 concurrent calls that looked like the
/// Server dying. Runs after authorization, so an anonymous caller (health, a bad token) keeps the limit; a client
/// streaming import already had it lifted by gRPC itself.
/// </summary>
public static class GrpcBodyRate
{
    public static IApplicationBuilder UseGrpcBodyRateForCallers(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true
            && context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }
        return next(context);
    });
}
