namespace GonPortal.HostContracts;

/// <summary>
/// The Server's jobs dashboard (Hangfire) as an OpenID Connect client of Identity. Identity registers
/// the redirect URIs from these paths and Server's OpenID Connect handler listens on them, so both
/// hosts read them from here.
/// </summary>
public static class JobsDashboardContract
{
    public const string ClientId = "gon-jobs-dashboard";

    /// <summary>Where the dashboard lives on the Server's HTTP/1.1 endpoint.</summary>
    public const string Path = "/hangfire";

    /// <summary>
    /// Under <see cref="Path"/> so the dashboard cookie (scoped to that path) reaches the callbacks,
    /// and nothing of the browser sign-in touches the gRPC routes.
    /// </summary>
    public const string CallbackPath = Path + "/signin-oidc";

    public const string SignedOutCallbackPath = Path + "/signout-callback-oidc";
}
