using GonPortal.Server.Tenancy;

namespace GonPortal.Server.Clients;

public static class ClientServicesExtensions
{
    /// <summary>The personal-data protector (BSN encryption, key from "PersonalData:Key") and party writes.</summary>
    public static IServiceCollection AddGonClientServices(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PersonalDataProtector(PersonalDataKey.Load(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PersonalDataProtector)))));
        services.AddScoped<PartyAccess>();
        services.AddScoped<ReferralHandler>();
        services.AddScoped<ReferralOutcomes>();
        services.AddHostedService<PersonalDataKeyCheck>();
        return services;
    }

    /// <summary>Loads the key at start-up, so a server without one fails to start instead of failing its first client call.</summary>
    private sealed class PersonalDataKeyCheck(PersonalDataProtector protector) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(protector);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
