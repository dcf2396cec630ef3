using GonPortal.Server.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GonPortal.Server.Tests.Observability;

/// <summary>The Server collects spans and metrics for OpenTelemetry only when asked: an OTLP endpoint or Telemetry:Enabled.</summary>
public sealed class TelemetryWiringTests
{
    [Theory]
    [InlineData("Telemetry:OtlpEndpoint", "http://127.0.0.1:4317")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317")]
    [InlineData("Telemetry:Enabled", "true")]
    public void A_configured_endpoint_or_the_switch_turns_tracing_and_metrics_on(string key, string value)
    {
        using var host = Build(new() { [key] = value });
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void Without_configuration_nothing_is_collected_or_exported()
    {
        using var host = Build([]);
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGonTelemetry();
        return builder.Build();
    }
}
