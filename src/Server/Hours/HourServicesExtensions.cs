using GonPortal.Server.Hours;

namespace GonPortal.Server.Hours;

public static class HourServicesExtensions
{
    /// <summary>Fact gathering and chunked writing behind HourService.</summary>
    public static IServiceCollection AddGonHourServices(this IServiceCollection services)
    {
        services.AddScoped<HourFactsLoader>();
        services.AddScoped<HourEntryWriter>();
        services.AddScoped<HourEntryBulkStore>();
        services.AddScoped<HourFilterReviewHandler>();
        services.AddScoped<HourApprovalUndoHandler>();
        return services;
    }
}
