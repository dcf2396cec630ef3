namespace GonPortal.Server.YearOverview;

public static class YearOverviewServicesExtensions
{
    /// <summary>The fact gathering behind YearOverviewService; the figures come from the budget and settlement loaders.</summary>
    public static IServiceCollection AddGonYearOverviewServices(this IServiceCollection services) =>
        services.AddScoped<YearOverviewQuery>();
}
