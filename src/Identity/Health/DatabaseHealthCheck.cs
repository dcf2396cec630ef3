using GonPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GonPortal.Identity.Health;

/// <summary>Healthy when the Identity database answers: without it nobody can sign in.</summary>
internal sealed class DatabaseHealthCheck(IdentityDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        // Migrated too, not only reachable: SQLite creates an empty file where the database went missing.
        await db.Database.CanConnectAsync(cancellationToken) && (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The identity database cannot be reached.");
}
