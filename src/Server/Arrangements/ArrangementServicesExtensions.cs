namespace GonPortal.Server.Arrangements;

public static class ArrangementServicesExtensions
{
    /// <summary>How SupportArrangementService reaches arrangements for each role (see <see cref="ArrangementAccess"/>).</summary>
    public static IServiceCollection AddGonArrangementServices(this IServiceCollection services) =>
        services.AddScoped<ArrangementAccess>();
}
