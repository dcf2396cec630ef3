using GonPortal.Server.Extensions;

namespace GonPortal.Server.Administration;

public static class AdministrationExtensions
{
    /// <summary>
    /// The administrator policies, and the typed client for Identity's admin API with its cached client-credentials
    /// token (Identity:Authority, Identity:ServerClient:ClientSecret).
    /// </summary>
    public static IServiceCollection AddGonAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        var identity = new Uri(AuthExtensions.IdentityAuthority(configuration).TrimEnd('/') + "/");
        services.AddHttpClient(IdentityAdminToken.HttpClientName, http => http.BaseAddress = identity);
        services.AddSingleton<IdentityAdminToken>();
        services.AddHttpClient<IdentityAdminClient>(http => http.BaseAddress = identity);
        services.AddAuthorizationBuilder().AddAdministratorPolicies();
        return services;
    }
}
