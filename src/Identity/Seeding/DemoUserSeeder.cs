using GonPortal.Identity.Administrators;
using GonPortal.Identity.Data;
using GonPortal.HostContracts;
using Microsoft.AspNetCore.Identity;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Creates the demo users (all with <see cref="DemoData.Password"/>) that do not exist yet, and gives the
/// demo administrators their flag, also when the user already existed from a run before the flag did.
/// </summary>
internal sealed class DemoUserSeeder(UserManager<GonUser> users) : IIdentitySeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var demoUser in DemoData.Users)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var user = await users.FindByEmailAsync(demoUser.Email) ?? await CreateAsync(demoUser);
            if (demoUser.IsAdministrator)
            {
                // Refused for a non-gemeente user: demo data that breaks the rule fails the start-up.
                Check(await users.GrantAdministratorAsync(user), demoUser, "granting the administrator flag");
            }
        }
    }

    private async Task<GonUser> CreateAsync(DemoUser demoUser)
    {
        var organisation = DemoData.Organisation(demoUser.OrganisationId);
        var user = new GonUser
        {
            UserName = demoUser.Email,
            Email = demoUser.Email,
            EmailConfirmed = true,
            DisplayName = demoUser.DisplayName,
            OrganisationId = organisation.Id,
            OrganisationName = organisation.Name,
            Role = organisation.Role,
        };

        Check(await users.CreateAsync(user, DemoData.Password), demoUser, "creating the user");
        return user;
    }

    private static void Check(IdentityResult result, DemoUser demoUser, string step)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding user {demoUser.Email} failed when {step}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
