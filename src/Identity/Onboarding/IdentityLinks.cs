using GonPortal.Identity.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace GonPortal.Identity.Onboarding;

/// <summary>
/// Absolute links to Identity's own pages for e-mails. The base is configured (PublicBaseUrl, then Issuer),
/// else the current request's, else this host's first address (start-up has no request: the bootstrap invitation).
/// </summary>
public sealed class IdentityLinks(IOptions<IdentitySettings> settings, IHttpContextAccessor http, IServer server)
{
    public const string ActivatePath = "Account/Activate";
    public const string ResetPasswordPath = "Account/ResetPassword";

    public Uri Activation(string userId, string token) => Link(ActivatePath, userId, token);

    public Uri PasswordReset(string userId, string token) => Link(ResetPasswordPath, userId, token);

    private Uri Link(string path, string userId, string token) =>
        new(BaseUri(), $"{path}?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}");

    private Uri BaseUri()
    {
        var configured = !string.IsNullOrWhiteSpace(settings.Value.PublicBaseUrl) ? settings.Value.PublicBaseUrl
            : !string.IsNullOrWhiteSpace(settings.Value.Issuer) ? settings.Value.Issuer
            : null;
        if (configured is null && http.HttpContext?.Request is { } request)
        {
            configured = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        configured ??= server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? Extensions.HostingExtensions.DefaultUrl;
        return new Uri(configured.TrimEnd('/') + "/", UriKind.Absolute);
    }
}
