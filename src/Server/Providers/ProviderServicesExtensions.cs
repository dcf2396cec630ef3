namespace GonPortal.Server.Providers;

public static class ProviderServicesExtensions
{
    /// <summary>
    /// The register's one data-dependent rule, "this hoofdaanbieder holds this area then" (asked by budgets,
    /// reporting, subcontracts and clients), and the one way a provider enters the register.
    /// </summary>
    public static IServiceCollection AddGonProviderServices(this IServiceCollection services) =>
        services.AddScoped<AreaHolding>().AddScoped<ProviderRegistration>();
}
