using GonPortal.Identity.Pruning;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GonPortal.Identity.Extensions;

public static class PruningExtensions
{
    /// <summary>Scheduled removal of expired and redeemed tokens and authorizations (<c>Identity:Pruning</c>).</summary>
    public static WebApplicationBuilder AddTokenPruning(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PruningSettings>()
            .BindConfiguration(PruningSettings.SectionName)
            .Validate(settings => settings.IntervalMinutes > 0 && settings.RetentionDays >= 0,
                "Identity:Pruning:IntervalMinutes must be positive and RetentionDays not negative.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TokenPruner>();
        builder.Services.AddHostedService<TokenPruningService>();
        return builder;
    }
}
