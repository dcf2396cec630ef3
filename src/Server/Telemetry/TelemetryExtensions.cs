using GonPortal.Server.Data;
using GonPortal.Telemetry;
using Grpc.AspNetCore.Server;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GonPortal.Server.Telemetry;

public static class TelemetryExtensions
{
    public const string ServiceName = "GonPortal.Server";

    /// <summary>
    /// Our own metrics (<see cref="ServerMetrics"/>: calls by method and status, import entries, settlement runs,
    /// job queue length) always; OpenTelemetry traces and metrics of ASP.NET Core (the gRPC server), HttpClient (the
    /// calls to Identity), EF Core and, on PostgreSQL, Npgsql (also Hangfire's queries) when configured
    /// (<see cref="GonTelemetry"/>). Called before <see cref="Extensions.GrpcExtensions.AddGonGrpc"/>: the metrics
    /// interceptor must be the outer one.
    /// </summary>
    public static IHostApplicationBuilder AddGonTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<RpcMetricsInterceptor>());
        builder.Services.AddHostedService<JobQueueMetrics>();

        var postgres = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite) == DatabaseProvider.Postgres;
        builder.AddGonOpenTelemetry(ServiceName)?
            .WithTracing(t =>
            {
                t.AddEntityFrameworkCoreInstrumentation();
                if (postgres)
                {
                    t.AddNpgsql();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(ServerMetrics.MeterName);
                if (postgres)
                {
                    m.AddNpgsqlInstrumentation();
                }
            });
        return builder;
    }
}
