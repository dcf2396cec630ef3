using System.Security.Claims;
using GonPortal.Identity.Administrators;
using GonPortal.Identity.Tokens;
using GonPortal.Identity.TwoFactor;
using GonPortal.Identity.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Identity.Endpoints;

/// <summary>
/// /connect/authorize. OpenIddict has already validated client, redirect URI, PKCE and scopes;
/// this only establishes who the user is (sending them to the login page if needed) and issues the code.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http,
        UserManager<GonUser> users,
        SignInManager<GonUser> signIn,
        IOpenIddictApplicationManager applications,
        IOpenIddictScopeManager scopes,
        TwoFactorPolicy twoFactor)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is not null && !await signIn.CanSignInAsync(user))
        {
            // Deactivated (person or organisation) while still holding a login cookie: end that session.
            await signIn.SignOutAsync();
            user = null;
        }
        // A session from before two-factor became required for this person (say, a new administrator flag) does not
        // count: the login page walks them through enrolment first.
        if (user is null || RequiresFreshLogin(request, cookie) || await twoFactor.MustEnrolAsync(user))
        {
            return request.HasPromptValue(PromptValues.None)
                ? OpenIddictResults.Forbid(Errors.LoginRequired, "The user is not logged in.")
                : Results.Challenge(
                    new AuthenticationProperties { RedirectUri = ReturnUrlWithoutLoginPrompt(http.Request) },
                    [IdentityConstants.ApplicationScheme]);
        }

        // Only first-party clients are registered, all with implicit consent: there is no consent screen.
        var application = await applications.FindByClientIdAsync(request.ClientId!);
        if (application is null || !await applications.HasConsentTypeAsync(application, ConsentTypes.Implicit))
        {
            return OpenIddictResults.Forbid(Errors.ConsentRequired, "This client application requires consent, which is not supported.");
        }

        var identity = TokenIdentities.ForUser(user, await users.IsAdministratorAsync(user));
        identity.SetScopes(request.GetScopes());
        identity.SetResources(await scopes.ListResourcesAsync(identity.GetScopes()).ToListAsync());
        ClaimDestinations.Apply(identity);

        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>prompt=login or an exceeded max_age force a new login even with a valid cookie.</summary>
    private static bool RequiresFreshLogin(OpenIddictRequest request, AuthenticateResult cookie) =>
        request.HasPromptValue(PromptValues.Login)
        || request.MaxAge is 0
        || (request.MaxAge is { } maxAge && cookie.Properties?.IssuedUtc is { } issued
            && DateTimeOffset.UtcNow - issued > TimeSpan.FromSeconds(maxAge));

    /// <summary>
    /// The URL to come back to after logging in. prompt=login is dropped from it, otherwise the
    /// returning request would demand a login again and loop forever.
    /// </summary>
    private static string ReturnUrlWithoutLoginPrompt(HttpRequest request)
    {
        var parameters = (request.HasFormContentType ? request.Form.AsEnumerable() : request.Query.AsEnumerable())
            .Where(parameter => parameter.Key != Parameters.Prompt)
            .ToList();

        var prompt = request.Query.TryGetValue(Parameters.Prompt, out var queryPrompt) ? queryPrompt.ToString()
            : request.HasFormContentType && request.Form.TryGetValue(Parameters.Prompt, out var formPrompt) ? formPrompt.ToString()
            : "";
        var remaining = prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(value => value != PromptValues.Login).ToArray();
        if (remaining.Length > 0)
        {
            parameters.Add(new(Parameters.Prompt, string.Join(' ', remaining)));
        }

        return request.PathBase + request.Path + QueryString.Create(parameters);
    }
}
