using GonPortal.HostContracts;
using GonPortal.Identity.Configuration;
using GonPortal.Identity.Data;
using GonPortal.Identity.Onboarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GonPortal.Identity.Seeding;

/// <summary>
/// How a real deployment gets its first administrator: with <c>Identity:Bootstrap:AdministratorEmail</c> set,
/// start-up registers the gemeente (if missing) and, while the gemeente has no administrator, invites that
/// address as one (an e-mail with the activation link). Once an administrator exists the setting does nothing,
/// so it can stay in place; from then on administrators invite everyone else through the API.
/// </summary>
internal sealed class BootstrapAdministratorSeeder(
    IOptions<IdentitySettings> settings, OrganisationRegistry registry, PeopleAdministration people, IdentityDb db, ILogger<BootstrapAdministratorSeeder> logger)
    : IIdentitySeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var bootstrap = settings.Value.Bootstrap;
        if (string.IsNullOrWhiteSpace(bootstrap.AdministratorEmail))
        {
            return;
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == bootstrap.GemeenteId, cancellationToken))
        {
            await registry.CreateAsync(bootstrap.GemeenteId, OrganisationKind.Gemeente,
                new OrganisationDraft(bootstrap.GemeenteName, bootstrap.GemeenteKvkNumber, null, TwoFactorRequiredForAll: false),
                cancellationToken, kvkRequired: false);
        }

        if (await people.HasAdministratorAsync(bootstrap.GemeenteId, cancellationToken))
        {
            return;
        }

        var person = await people.InviteAsync(Guid.NewGuid(), bootstrap.GemeenteId, bootstrap.AdministratorEmail.Trim(), bootstrap.AdministratorName,
            administrator: true, cancellationToken);
        logger.LogInformation("Bootstrap: invited {Email} as the first administrator of the gemeente", person.Email);
    }
}
