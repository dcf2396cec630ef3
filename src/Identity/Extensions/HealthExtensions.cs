using GonPortal.Identity.Health;

namespace GonPortal.Identity.Extensions;

public static class HealthExtensions
{
    public const string HealthPath = "/health";

    public static WebApplicationBuilder AddIdentityHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
