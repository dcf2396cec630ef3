using GonPortal.Identity.TwoFactor;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace GonPortal.Identity.Extensions;

public static class TwoFactorExtensions
{
    /// <summary>How many recovery codes a person gets at enrolment and each time they ask for new ones.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>
    /// Two-factor sign-in with an authenticator app (ASP.NET Identity's authenticator token provider, which
    /// AddDefaultTokenProviders registers): the policy of who needs it and the organisation setting it reads.
    /// </summary>
    public static WebApplicationBuilder AddTwoFactorSignIn(this WebApplicationBuilder builder)
    {
        // An organisation may require it for everyone (registry setting), beyond the gemeente and administrators.
        builder.Services.AddScoped<IOrganisationTwoFactorSetting, RegistryTwoFactorSetting>();
        builder.Services.AddScoped<TwoFactorPolicy>();

        // The pending sign-in between password and code. Identity's 5 minutes is too short for someone who still
        // has to install an authenticator app during enrolment; wrong codes still count towards the lockout.
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = ".GonPortal.Identity.TwoFactor";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(15);
        });
        return builder;
    }
}
