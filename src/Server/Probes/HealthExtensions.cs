using GonPortal.Server.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Probes;

/// <summary>
/// Liveness apart from readiness, for a load balancer or orchestrator: <c>/health/live</c> checks nothing but that the
/// process answers (restart it when it does not); <c>/health/ready</c> also checks the database (send it no calls while
/// that fails). The older <c>/health</c> and the gRPC health service stay liveness, so a no-op probe costs no query.
/// </summary>
public static class HealthExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddGonHealth(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var checks = builder.Services.AddHealthChecks();
        if (provider == DatabaseProvider.Postgres)
        {
            var connectionString = builder.Configuration.GetConnectionString("Gon") ?? DatabaseOptions.DefaultSqlite;
            checks.AddNpgSql(connectionString, name: "database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        }
        else
        {
            // Connectable and migrated: SQLite creates an empty file where the database went missing, so
            // CanConnect alone would pass; the migrations history is the schema's proof.
            checks.AddDbContextCheck<GonDbContext>("database", tags: [ReadyTag],
                customTestQuery: async (db, ct) => await db.Database.CanConnectAsync(ct) && (await db.Database.GetAppliedMigrationsAsync(ct)).Any());
        }
        builder.Services.Configure<global::Grpc.AspNetCore.HealthChecks.GrpcHealthChecksOptions>(o =>
            o.Services.Map("", c => !c.Tags.Contains(ReadyTag)));
        return builder;
    }

    public static WebApplication MapGonHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
