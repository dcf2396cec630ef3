using OpenIddict.Abstractions;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Creates a browser (code + PKCE) client, or updates it when its redirect URIs, secret or permissions
/// differ from the descriptor: base URLs and secrets come from configuration and change between runs
/// (a test picks a random port), and an outdated registration would reject every sign-in.
/// </summary>
internal static class WebClientRegistration
{
    public static async Task EnsureAsync(
        IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (application is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
            return;
        }

        var upToDate =
            (await applications.GetRedirectUrisAsync(application, cancellationToken)).SequenceEqual(descriptor.RedirectUris.Select(u => u.AbsoluteUri))
            && (await applications.GetPostLogoutRedirectUrisAsync(application, cancellationToken)).SequenceEqual(descriptor.PostLogoutRedirectUris.Select(u => u.AbsoluteUri))
            && (await applications.GetPermissionsAsync(application, cancellationToken)).ToHashSet().SetEquals(descriptor.Permissions)
            && await applications.ValidateClientSecretAsync(application, descriptor.ClientSecret!, cancellationToken);
        if (!upToDate)
        {
            await applications.UpdateAsync(application, descriptor, cancellationToken);
        }
    }
}
