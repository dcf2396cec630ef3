using GonPortal.HostContracts;
using GonPortal.Identity.Data;
using GonPortal.Identity.Extensions;
using GonPortal.Identity.TwoFactor;
using Microsoft.AspNetCore.Identity;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Enrols the demo users for whom two-factor sign-in is required with the published <see cref="DemoData.AuthenticatorKey"/>,
/// so a demo sign-in works with any authenticator app. Runs after <see cref="DemoUserSeeder"/>, because the policy
/// reads the administrator flags it sets. A demo user who is already enrolled (perhaps with a key of their own) is left alone.
/// </summary>
internal sealed class DemoAuthenticatorSeeder(UserManager<GonUser> users, IUserStore<GonUser> store, TwoFactorPolicy policy) : IIdentitySeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // UserManager only generates random keys; the store takes a given one.
        var keys = store as IUserAuthenticatorKeyStore<GonUser>
            ?? throw new InvalidOperationException("The user store cannot keep authenticator keys.");
        foreach (var demoUser in DemoData.Users)
        {
            var user = await users.FindByEmailAsync(demoUser.Email)
                ?? throw new InvalidOperationException($"Demo user {demoUser.Email} was not seeded.");
            if (!await policy.MustEnrolAsync(user))
            {
                continue;
            }

            await keys.SetAuthenticatorKeyAsync(user, DemoData.AuthenticatorKey, cancellationToken);
            Check(await users.UpdateAsync(user), demoUser);
            Check(await users.SetTwoFactorEnabledAsync(user, true), demoUser);
            // Never shown: a demo user who loses the app uses the published key again.
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorExtensions.RecoveryCodeCount);
        }
    }

    private static void Check(IdentityResult result, DemoUser demoUser)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Enrolling demo user {demoUser.Email} for two-factor sign-in failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
