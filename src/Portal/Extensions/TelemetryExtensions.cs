using GonPortal.Telemetry;
using OpenTelemetry.Trace;

namespace GonPortal.Portal.Extensions;

public static class TelemetryExtensions
{
    public const string ServiceName = "GonPortal.Portal";

    /// <summary>
    /// OpenTelemetry traces and metrics when configured (<see cref="GonTelemetry"/>): ASP.NET Core (pages, the Blazor
    /// circuit), HttpClient (Identity) and the gRPC client, whose calls carry the trace context to the Server, so one
    /// page is one trace from the portal down to the Server's database commands.
    /// </summary>
    public static WebApplicationBuilder AddGonTelemetry(this WebApplicationBuilder builder)
    {
        builder.AddGonOpenTelemetry(ServiceName)?
            .WithTracing(t => t.AddGrpcClientInstrumentation());
        return builder;
    }
}
