using System.Globalization;
using GonPortal.Portal.Clock;
using GonPortal.Portal.Components;

namespace GonPortal.Portal.Extensions;

/// <summary>The portal host: services and request pipeline, called from Program.cs.</summary>
public static class PortalHostingExtensions
{
    /// <summary>The portal speaks Dutch and formats dates and numbers the Dutch way.</summary>
    public const string Culture = "nl-NL";

    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        var culture = CultureInfo.GetCultureInfo(Culture);
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;

        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddHealthChecks();
        // Interface texts live in Resources/Texts.resx (Dutch); no ResourcesPath, the marker type's namespace finds them.
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<PortalClock>();
        builder.Services.AddOptions<GonPortal.Portal.Formatting.PlausibilityOptions>().BindConfiguration(GonPortal.Portal.Formatting.PlausibilityOptions.SectionName);

        builder.AddPortalSharedInstances();
        builder.AddPortalAuthentication();
        builder.AddGonServerClients();
        builder.AddGonTelemetry();
        return builder;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UsePortalSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fout", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/niet-gevonden", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture(Culture);
            options.AddSupportedCultures(Culture);
            options.AddSupportedUICultures(Culture);
        });

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        // Liveness and readiness alike check nothing beyond the portal itself (README, "Observability"): without
        // the Server the portal still answers with a Dutch message, and taking every portal instance out of the
        // balancer because the Server is away would only replace that message with a connection error.
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/health/live").AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapStaticAssets();
        // Our own policy (SecurityHeadersExtensions) already says frame-ancestors 'none' on every response;
        // Blazor would add a second CSP header with 'self' for its WebSocket compression.
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
