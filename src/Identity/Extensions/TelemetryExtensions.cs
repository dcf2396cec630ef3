using GonPortal.HostContracts;
using GonPortal.Telemetry;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GonPortal.Identity.Extensions;

public static class TelemetryExtensions
{
    public const string ServiceName = "GonPortal.Identity";

    /// <summary>
    /// OpenTelemetry traces and metrics when configured (<see cref="GonTelemetry"/>): ASP.NET Core (sign-in pages,
    /// token endpoint), HttpClient (e-mail is SMTP and not traced), EF Core and, on PostgreSQL, Npgsql.
    /// </summary>
    public static WebApplicationBuilder AddGonTelemetry(this WebApplicationBuilder builder)
    {
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
                if (postgres)
                {
                    m.AddNpgsqlInstrumentation();
                }
            });
        return builder;
    }
}
