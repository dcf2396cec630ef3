using GonPortal.HostContracts;

namespace GonPortal.Identity.Configuration;

/// <summary>The <c>Identity</c> configuration section. Every key is optional for local runs.</summary>
public sealed class IdentitySettings
{
    public const string SectionName = "Identity";

    /// <summary>Fixed issuer URI. When empty the issuer follows the request (scheme + host + path base).</summary>
    public string? Issuer { get; set; }

    /// <summary>PFX used to sign tokens. When empty a persisted RSA key from <see cref="KeyDirectory"/> is used.</summary>
    public CertificateSettings SigningCertificate { get; set; } = new();

    /// <summary>PFX used to encrypt authorization codes and refresh tokens (never access tokens).</summary>
    public CertificateSettings EncryptionCertificate { get; set; } = new();

    /// <summary>Where generated RSA keys are kept when no certificate is configured; relative to the content root.</summary>
    public string KeyDirectory { get; set; } = ".data/keys";

    /// <summary>"Database" for the value of <see cref="KeyStore"/> that keeps generated keys in the database.</summary>
    public const string DatabaseKeyStore = "Database";

    /// <summary>
    /// Where generated RSA keys are kept when no certificate is configured: "Files" (default, in
    /// <see cref="KeyDirectory"/>) or "Database" (shared by every Identity instance on the database).
    /// </summary>
    public string KeyStore { get; set; } = "Files";

    /// <summary>
    /// Accept plain HTTP outside the Development environment (tests, local demos behind no TLS).
    /// Development always accepts HTTP.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    public PortalClientSettings Portal { get; set; } = new();

    public DashboardClientSettings Dashboard { get; set; } = new();

    public TokenLifetimeSettings Tokens { get; set; } = new();

    public MachineClientSettings MachineClients { get; set; } = new();

    /// <summary>The Server as the one caller of the admin API (<c>Identity:ServerClient</c>).</summary>
    public ServerClientSettings ServerClient { get; set; } = new();

    /// <summary>Activation links in invitations (<c>Identity:Invitation</c>).</summary>
    public InvitationSettings Invitation { get; set; } = new();

    /// <summary>The first gemeente administrator of a real deployment (<c>Identity:Bootstrap</c>).</summary>
    public BootstrapSettings Bootstrap { get; set; } = new();

    /// <summary>
    /// Base URL put into e-mailed links (activation, password reset), e.g. behind a reverse proxy.
    /// Empty: <see cref="Issuer"/> when set, else the address of the current request or of this host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Token lifetimes (<c>Identity:Tokens</c>).</summary>
public sealed class TokenLifetimeSettings
{
    /// <summary>
    /// Minutes an access token lives. The Server validates tokens on its own (JWT, no introspection), so this
    /// is how long a revoked machine client or a deactivated person can still call it.
    /// </summary>
    public int AccessTokenMinutes { get; set; } = 10;
}

/// <summary>Machine clients administered per organisation (<c>Identity:MachineClients</c>).</summary>
public sealed class MachineClientSettings
{
    /// <summary>Hours the previous secret keeps working after a rotation, so a care system can switch without downtime.</summary>
    public double RotationGraceHours { get; set; } = 24;
}

/// <summary>The Server's client-credentials registration for the admin API (<c>Identity:ServerClient</c>).</summary>
public sealed class ServerClientSettings
{
    /// <summary>Must equal the Server's <c>Identity:ServerClient:ClientSecret</c>.</summary>
    public string ClientSecret { get; set; } = "gon-server-dev-secret";
}

/// <summary><c>Identity:Invitation</c>.</summary>
public sealed class InvitationSettings
{
    /// <summary>How long an activation link works after the invitation was sent.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(72);
}

/// <summary>
/// <c>Identity:Bootstrap</c>: when <see cref="AdministratorEmail"/> is set and the gemeente has no administrator,
/// start-up registers the gemeente (if missing) and invites that address as its first administrator.
/// </summary>
public sealed class BootstrapSettings
{
    public string? AdministratorEmail { get; set; }

    public string AdministratorName { get; set; } = "Beheerder gemeente";

    /// <summary>The gemeente's tenant id; the demo gemeente's id unless a deployment chooses its own.</summary>
    public Guid GemeenteId { get; set; } = DemoData.Gemeente.Id;

    public string GemeenteName { get; set; } = DemoData.Gemeente.Name;

    /// <summary>The gemeente's KvK number (8 digits); optional.</summary>
    public string? GemeenteKvkNumber { get; set; }
}

/// <summary>A PKCS#12 file on disk plus its password.</summary>
public sealed class CertificateSettings
{
    public string? Path { get; set; }

    public string? Password { get; set; }
}

/// <summary>The web portal as an OpenID Connect client (<c>Identity:Portal</c>).</summary>
public sealed class PortalClientSettings
{
    /// <summary>Base URL of the portal; redirect URIs are derived from it.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5300";

    public string ClientSecret { get; set; } = "gon-portal-dev-secret";

    public Uri RedirectUri => new(BaseUri, "signin-oidc");

    public Uri PostLogoutRedirectUri => new(BaseUri, "signout-callback-oidc");

    // A trailing slash makes relative resolution append instead of replacing the last segment.
    private Uri BaseUri => new(BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
}

/// <summary>The Server's jobs dashboard as an OpenID Connect client (<c>Identity:Dashboard</c>).</summary>
public sealed class DashboardClientSettings
{
    /// <summary>The Server's HTTP/1.1 address (its "Http" endpoint); redirect URIs are derived from it.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5201";

    /// <summary>Must equal the Server's <c>Identity:Dashboard:ClientSecret</c>.</summary>
    public string ClientSecret { get; set; } = "gon-jobs-dashboard-dev-secret";

    public Uri RedirectUri => new(BaseUri, JobsDashboardContract.CallbackPath.TrimStart('/'));

    public Uri PostLogoutRedirectUri => new(BaseUri, JobsDashboardContract.SignedOutCallbackPath.TrimStart('/'));

    private Uri BaseUri => new(BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
}
