using GonPortal.Identity.Admin;
using GonPortal.Identity.Email;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GonPortal.Identity.Onboarding;

internal static class OnboardingExtensions
{
    /// <summary>The organisation registry, the people administration, e-mail and the admin API's access policy.</summary>
    public static IServiceCollection AddOnboarding(this IServiceCollection services)
    {
        services.AddOptions<EmailSettings>().BindConfiguration(EmailSettings.SectionName);
        services.AddSingleton<IMailSender, MailKitMailSender>();
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SignInGate>();
        services.AddScoped<TokenRevocation>();
        services.AddScoped<OrganisationRegistry>();
        services.AddScoped<PeopleAdministration>();
        services.AddScoped<IdentityLinks>();
        services.AddScoped<AdminViews>();
        services.AddAuthorizationBuilder().AddPolicy(AdminApiAccess.PolicyName, AdminApiAccess.Policy);
        return services;
    }
}
