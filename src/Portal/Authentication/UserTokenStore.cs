namespace GonPortal.Portal.Authentication;

/// <summary>
/// Scoped holder of the signed-in person's tokens. In an interactive circuit there is no HttpContext, so the
/// tokens are captured from the cookie while the page is first rendered (see <c>App.razor</c>) and handed to
/// the circuit as a root-component parameter (see <c>Routes.razor</c>), which stores them here.
/// </summary>
public sealed class UserTokenStore
{
    /// <summary>The current tokens; null when nobody is signed in.</summary>
    public UserTokens? Tokens { get; private set; }

    /// <summary>Sets the tokens captured at render start, or refreshed later.</summary>
    public void Set(UserTokens? tokens) => Tokens = tokens;
}
