using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace GonPortal.Identity.Endpoints;

/// <summary>Results that hand control back to OpenIddict, which writes the protocol response.</summary>
internal static class OpenIddictResults
{
    private static readonly string[] Scheme = [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme];

    /// <summary>An OAuth error (e.g. invalid_grant) in the format the current endpoint requires.</summary>
    public static IResult Forbid(string error, string description) =>
        Results.Forbid(ErrorProperties(error, description), Scheme);

    /// <summary>A 401 with a WWW-Authenticate error, used by the userinfo endpoint.</summary>
    public static IResult Challenge(string error, string description) =>
        Results.Challenge(ErrorProperties(error, description), Scheme);

    private static AuthenticationProperties ErrorProperties(string error, string description) =>
        new(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });
}
