using GonPortal.HostContracts;

namespace GonPortal.Portal.Authentication;

/// <summary>How the portal signs people in at Identity. Bound from the configuration section <c>Identity</c>.</summary>
public sealed class PortalIdentityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Identity";

    /// <summary>Base URL of the Identity host (the OpenID Connect issuer).</summary>
    public string Authority { get; set; } = "http://localhost:5100";

    /// <summary>Client id of the portal as registered at Identity.</summary>
    public string ClientId { get; set; } = GonScopes.PortalClientId;

    /// <summary>Client secret of the portal (a confidential client that also uses PKCE).</summary>
    public string ClientSecret { get; set; } = "gon-portal-dev-secret";

    /// <summary>Identity's page where a person sets up, or manages, sign-in with an authenticator app.</summary>
    public Uri TwoFactorPage => new(new Uri(Authority.TrimEnd('/') + "/", UriKind.Absolute), "Account/TwoFactor");
}
