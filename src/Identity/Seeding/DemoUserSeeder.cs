using GonPortal.Identity.Data;
using GonPortal.ServiceDefaults;
using Microsoft.AspNetCore.Identity;

namespace GonPortal.Identity.Seeding;

/// <summary>Creates the demo users (all with <see cref="DemoData.Password"/>) that do not exist yet.</summary>
internal sealed class DemoUserSeeder(UserManager<GonUser> users) : IIdentitySeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var demoUser in DemoData.Users)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await users.FindByEmailAsync(demoUser.Email) is not null)
            {
                continue;
            }

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

            var result = await users.CreateAsync(user, DemoData.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Seeding user {demoUser.Email} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}
