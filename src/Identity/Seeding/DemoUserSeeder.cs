using GonPortal.HostContracts;
using GonPortal.Identity.Onboarding;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Creates the demo users through the same <see cref="PeopleAdministration"/> the admin API uses (invited, then
/// activated with <see cref="DemoData.Password"/>, no e-mail), and gives the demo administrators their flag,
/// also when the user already existed from a run before the flag did.
/// </summary>
internal sealed class DemoUserSeeder(PeopleAdministration people) : IIdentitySeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var demoUser in DemoData.Users)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await people.SeedActivatedAsync(demoUser.Email, demoUser.DisplayName, demoUser.OrganisationId, demoUser.IsAdministrator,
                DemoData.Password, cancellationToken);
        }
    }
}
