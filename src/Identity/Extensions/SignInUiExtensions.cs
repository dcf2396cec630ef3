namespace GonPortal.Identity.Extensions;

public static class SignInUiExtensions
{
    /// <summary>The Dutch login page (Razor Pages under Pages/); antiforgery comes with Razor Pages.</summary>
    public static WebApplicationBuilder AddSignInUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        return builder;
    }
}
