using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GonPortal.Telemetry;

/// <summary>
/// The OpenTelemetry wiring the three hosts share (this file is compiled into each of them; each host adds its own
/// instrumentation in its <c>AddGonTelemetry</c>). Off unless asked for, so an unobserved host pays nothing for spans:
/// on when an OTLP endpoint is configured (<c>Telemetry:OtlpEndpoint</c>, or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> with its companion <c>OTEL_EXPORTER_OTLP_*</c> variables), or when
/// <c>Telemetry:Enabled</c> is true (spans and metrics collected, exported by nothing but what a test or tool adds).
/// </summary>
internal static class GonTelemetry
{
    public const string EndpointKey = "Telemetry:OtlpEndpoint";
    /// <summary>"grpc" (default, port 4317) or "http/protobuf" (port 4318), for <see cref="EndpointKey"/>.</summary>
    public const string ProtocolKey = "Telemetry:OtlpProtocol";
    public const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string EnabledKey = "Telemetry:Enabled";

    /// <summary>Traces and metrics of ASP.NET Core, HttpClient and the runtime, exported over OTLP when configured; null when off.</summary>
    public static OpenTelemetryBuilder? AddGonOpenTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var configuration = builder.Configuration;
        var endpoint = configuration[EndpointKey];
        var standardEndpoint = configuration[StandardEndpointKey];
        var exporting = !string.IsNullOrWhiteSpace(endpoint) || !string.IsNullOrWhiteSpace(standardEndpoint);
        if (!exporting && !configuration.GetValue(EnabledKey, false))
        {
            return null;
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId))
            .WithTracing(t => t
                // Probes every few seconds would bury the traces that matter.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        if (!exporting)
        {
            return otel;
        }

        // Logs go along with traces (they carry the trace id); they are structured already (message templates).
        otel.WithLogging(_ => { }, o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            var protocol = string.Equals(configuration[ProtocolKey], "http/protobuf", StringComparison.OrdinalIgnoreCase)
                ? OtlpExportProtocol.HttpProtobuf
                : OtlpExportProtocol.Grpc;
            otel.UseOtlpExporter(protocol, new Uri(endpoint, UriKind.Absolute));
        }
        else
        {
            otel.UseOtlpExporter(); // reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS
        }
        return otel;
    }
}
