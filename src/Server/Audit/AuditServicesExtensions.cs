namespace GonPortal.Server.Audit;

public static class AuditServicesExtensions
{
    /// <summary>The client access log every handler records through, the chain verifier, the access report and retention ("Audit:*").</summary>
    public static IServiceCollection AddGonAuditServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuditOptions>(configuration.GetSection("Audit"));
        services.AddSingleton<AuditGroupCommit>();
        services.AddScoped<ClientAccessLog>();
        services.AddScoped<ClientAccessReport>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AuditRetention>();
        services.AddHostedService<AuditRetentionJob>();
        return services;
    }
}
