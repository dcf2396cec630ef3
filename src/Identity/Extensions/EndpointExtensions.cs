using GonPortal.Identity.Admin;
using GonPortal.Identity.Endpoints;

namespace GonPortal.Identity.Extensions;

public static class EndpointExtensions
{
    /// <summary>Authentication must run first: OpenIddict hooks into it to process protocol requests.</summary>
    public static WebApplication UseIdentityPipeline(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// The OpenID Connect passthrough endpoints, the login pages and the health check. End-session is a Razor
    /// page (Pages/Connect/EndSession), for its confirmation form and antiforgery check.
    /// </summary>
    public static WebApplication MapIdentityEndpoints(this WebApplication app)
    {
        string[] getAndPost = [HttpMethods.Get, HttpMethods.Post];
        app.MapMethods(OpenIddictExtensions.AuthorizationPath, getAndPost, AuthorizeEndpoint.HandleAsync);
        app.MapPost(OpenIddictExtensions.TokenPath, TokenEndpoint.HandleAsync);
        app.MapMethods(OpenIddictExtensions.UserInfoPath, getAndPost, UserInfoEndpoint.HandleAsync);

        app.MapAdminApi();
        app.MapRazorPages();
        app.MapIdentityHealth();
        return app;
    }
}
