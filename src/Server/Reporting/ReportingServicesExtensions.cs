namespace GonPortal.Server.Reporting;

public static class ReportingServicesExtensions
{
    /// <summary>The fact gathering behind ReportingService; the domain computes from what it returns.</summary>
    public static IServiceCollection AddGonReportingServices(this IServiceCollection services) =>
        services.AddScoped<ReportingQuery>();
}
