namespace GonPortal.Identity;

/// <summary>
/// Marker type for this assembly. Tests use it as the type argument of
/// <c>WebApplicationFactory&lt;IdentityAssembly&gt;</c>: the top-level Program class is
/// internal, and a dedicated public marker keeps that detail out of the tests.
/// Not static, because type arguments cannot be static classes.
/// </summary>
public sealed class IdentityAssembly
{
    private IdentityAssembly()
    {
    }
}
