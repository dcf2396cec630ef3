using GonPortal.Identity.Configuration;
using GonPortal.Identity.Onboarding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace GonPortal.Identity.Extensions;

public static class MachineClientExtensions
{
    /// <summary>
    /// Machine clients administered per organisation (<see cref="MachineClientAdministration"/>): OpenIddict's
    /// application manager is replaced by one that knows revocation and the previous secret's grace period.
    /// </summary>
    public static WebApplicationBuilder AddMachineClients(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentitySettings>()
            .Validate(s => s.MachineClients.RotationGraceHours >= 0, "Identity:MachineClients:RotationGraceHours must not be negative.")
            .Validate(s => s.Tokens.AccessTokenMinutes > 0, "Identity:Tokens:AccessTokenMinutes must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddOpenIddict().AddCore(core =>
            core.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, MachineClientApplicationManager>());
        // The administration needs the concrete manager (rotation reads the stored hash); it is the same instance
        // OpenIddict's endpoints use within a scope.
        builder.Services.TryAddScoped(provider =>
            (MachineClientApplicationManager)provider.GetRequiredService<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>>());
        builder.Services.AddScoped<MachineClientAdministration>();
        return builder;
    }
}
