using GonPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Identity.TwoFactor;

/// <summary>Reads the setting from the organisation registry; an organisation missing from it requires nothing beyond the role and administrator rules.</summary>
internal sealed class RegistryTwoFactorSetting(IdentityDb db) : IOrganisationTwoFactorSetting
{
    public Task<bool> RequiredForAllAsync(Guid organisationId) =>
        db.Organisations.AsNoTracking().AnyAsync(o => o.Id == organisationId && o.TwoFactorRequiredForAll);
}
