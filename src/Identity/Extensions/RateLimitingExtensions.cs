using System.Globalization;
using System.Threading.RateLimiting;
using GonPortal.Identity.Hardening;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GonPortal.Identity.Extensions;

public static class RateLimitingExtensions
{
    public const string LoginRejectedText = "Te veel inlogpogingen vanaf dit adres. Probeer het over een minuut opnieuw.";

    /// <summary>Limits from <see cref="RateLimitSettings.SectionName"/>; refused at start-up if they would let a burst lock accounts.</summary>
    public static WebApplicationBuilder AddIdentityRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitSettings>()
            .BindConfiguration(RateLimitSettings.SectionName)
            .Validate(
                settings => settings.LoginFailures.PermitLimit < IdentityDataExtensions.MaxFailedAccessAttempts,
                $"Identity:RateLimits:LoginFailures:PermitLimit must be below the lockout's {IdentityDataExtensions.MaxFailedAccessAttempts} failed attempts.")
            .Validate(
                settings => new[] { settings.Token, settings.Login, settings.LoginFailures }.All(l => l.PermitLimit > 0 && l.WindowSeconds > 0),
                "Every Identity:RateLimits entry needs a positive PermitLimit and WindowSeconds.")
            .ValidateOnStart();
        builder.Services.AddSingleton<LoginFailureThrottle>();

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);
                }

                // A person behind the login form should read why, not get an empty page; machines read the status.
                if (RequestRateLimits.IsSignInForm(context.HttpContext.Request.Path))
                {
                    response.ContentType = "text/plain; charset=utf-8";
                    await response.WriteAsync(LoginRejectedText, cancellationToken);
                }
            };
        });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitSettings>>((options, settings) => options.GlobalLimiter = RequestRateLimits.Create(settings.Value));
        return builder;
    }

    /// <summary>Before authentication: OpenIddict checks client secrets there, which is exactly what must be throttled.</summary>
    public static WebApplication UseIdentityRateLimits(this WebApplication app)
    {
        app.Use(RequestRateLimits.BufferTokenFormAsync);
        app.UseRateLimiter();
        return app;
    }

    public static string RetryAfterSeconds(TimeSpan delay) =>
        ((int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
