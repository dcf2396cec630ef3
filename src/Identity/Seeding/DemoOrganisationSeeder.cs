using GonPortal.HostContracts;
using GonPortal.Identity.Data;
using GonPortal.Identity.Onboarding;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// Registers the demo organisations (<see cref="DemoData.Organisations"/>) through the same
/// <see cref="OrganisationRegistry"/> the admin API uses. The demo gemeente and WIJ have no KvK number.
/// </summary>
internal sealed class DemoOrganisationSeeder(OrganisationRegistry registry, IdentityDb db) : IIdentitySeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var organisation in DemoData.Organisations)
        {
            if (await db.Organisations.AnyAsync(o => o.Id == organisation.Id, cancellationToken))
            {
                continue;
            }
            await registry.CreateAsync(organisation.Id, organisation.Kind,
                new OrganisationDraft(organisation.Name, organisation.KvkNumber, organisation.AgbCode, TwoFactorRequiredForAll: false),
                cancellationToken, kvkRequired: organisation.KvkNumber is not null);
        }
    }
}
