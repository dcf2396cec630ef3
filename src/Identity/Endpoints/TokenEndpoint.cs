using System.Security.Claims;
using GonPortal.Identity.Administrators;
using GonPortal.Identity.Tokens;
using GonPortal.Identity.Data;
using GonPortal.Identity.Onboarding;
using GonPortal.HostContracts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Identity.Endpoints;

/// <summary>
/// /connect/token. OpenIddict has authenticated the client and validated the grant; this decides
/// the claims: the user's current data for code/refresh, the stored tenant for client credentials.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http,
        UserManager<GonUser> users,
        SignInManager<GonUser> signIn,
        IOpenIddictApplicationManager applications,
        IOpenIddictScopeManager scopes,
        SignInGate gate)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            return await ClientCredentialsAsync(request, applications, scopes, gate);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            return await UserGrantAsync(http, users, signIn);
        }

        return OpenIddictResults.Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> ClientCredentialsAsync(
        OpenIddictRequest request, IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes, SignInGate gate)
    {
        // OpenIddict would issue an identity token for any granted openid scope, but a machine client is
        // nobody's login session: refuse rather than strip, so a misconfigured client learns why.
        if (request.HasScope(Scopes.OpenId))
        {
            return OpenIddictResults.Forbid(Errors.InvalidScope, "The openid scope is for people; client credentials get no identity token.");
        }

        if (request.ClientId == AdminApiContract.ServerClientId)
        {
            return await ServerClientAsync(request, scopes);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!);
        var tenant = application is null ? null : MachineClientTenant.ReadFrom(await applications.GetPropertiesAsync(application));
        if (tenant is null)
        {
            // A client without an organisation must not get a token Server would treat as tenant-less.
            return OpenIddictResults.Forbid(Errors.UnauthorizedClient, "The client is not linked to an organisation.");
        }

        if (!await gate.OrganisationActiveAsync(tenant.TenantId))
        {
            return OpenIddictResults.Forbid(Errors.UnauthorizedClient, "The client's organisation is not active.");
        }

        var identity = TokenIdentities.ForMachineClient(request.ClientId!, tenant);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(await scopes.ListResourcesAsync(identity.GetScopes()).ToListAsync());
        ClaimDestinations.Apply(identity);
        return SignIn(identity);
    }

    /// <summary>
    /// The Server calling the admin API: no organisation and no role, so its token is useless at the Server's
    /// gRPC API (audience gon-server, which requires both); only the admin scope's audience (gon-identity).
    /// </summary>
    private static async Task<IResult> ServerClientAsync(OpenIddictRequest request, IOpenIddictScopeManager scopes)
    {
        var identity = TokenIdentities.NewIdentity().SetClaim(GonClaimTypes.Subject, request.ClientId!);
        identity.SetScopes(request.GetScopes().Intersect([AdminApiContract.Scope]));
        identity.SetResources(await scopes.ListResourcesAsync(identity.GetScopes()).ToListAsync());
        ClaimDestinations.Apply(identity);
        return SignIn(identity);
    }

    private static async Task<IResult> UserGrantAsync(HttpContext http, UserManager<GonUser> users, SignInManager<GonUser> signIn)
    {
        // The principal stored in the authorization code or refresh token (scopes, resources, ids).
        var stored = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = stored.Principal?.GetClaim(Claims.Subject);
        var user = subject is null ? null : await users.FindByIdAsync(subject);
        if (user is null)
        {
            return OpenIddictResults.Forbid(Errors.InvalidGrant, "The token is no longer valid.");
        }

        // Locked-out users lose their refresh tokens too.
        if (!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return OpenIddictResults.Forbid(Errors.InvalidGrant, "The user is no longer allowed to sign in.");
        }

        // Keep the stored scopes/resources, but refresh the user claims in case they changed.
        var identity = TokenIdentities.SetUserClaims(
            TokenIdentities.NewIdentity(stored.Principal!.Claims), user, await users.IsAdministratorAsync(user));
        ClaimDestinations.Apply(identity);
        return SignIn(identity);
    }

    private static IResult SignIn(ClaimsIdentity identity) =>
        Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
