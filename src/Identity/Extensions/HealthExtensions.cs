using GonPortal.Identity.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace GonPortal.Identity.Extensions;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependencies); <c>/health/ready</c> and the older <c>/health</c>: the
/// identity database answers too (EF's CanConnect, on every provider; for SQLite it also fails when the file is gone).
/// </summary>
public static class HealthExtensions
{
    public const string HealthPath = "/health";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddIdentityHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapIdentityHealth(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag) });
        return app;
    }
}
