using GonPortal.Identity.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GonPortal.Identity.Health;

/// <summary>Healthy when the Identity database answers: without it nobody can sign in.</summary>
internal sealed class DatabaseHealthCheck(IdentityDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The identity database cannot be reached.");
}
