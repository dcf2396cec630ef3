namespace GonPortal.Server.Providers;

public static class ProviderServicesExtensions
{
    /// <summary>The register's one data-dependent rule, "this hoofdaanbieder holds this area then", which budgets, reporting, subcontracts and clients ask.</summary>
    public static IServiceCollection AddGonProviderServices(this IServiceCollection services) =>
        services.AddScoped<AreaHolding>();
}
