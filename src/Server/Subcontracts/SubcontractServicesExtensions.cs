namespace GonPortal.Server.Subcontracts;

public static class SubcontractServicesExtensions
{
    /// <summary>Services other features use: the rate check of hour approval.</summary>
    public static IServiceCollection AddGonSubcontractServices(this IServiceCollection services)
    {
        services.AddScoped<SubcontractRateCheck>();
        return services;
    }
}
