using GonPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Identity.Onboarding;

/// <summary>
/// The one answer to "may this person or client get a token now": the person is active and their
/// organisation is in the registry and active. Asked at login, authorize, code exchange, refresh and
/// client credentials, so a deactivation takes effect at the next request, not at the next login.
/// An organisation missing from the registry counts as inactive: fail closed.
/// </summary>
public sealed class SignInGate(IdentityDb db)
{
    public async Task<bool> UserMaySignInAsync(GonUser user, CancellationToken ct = default) =>
        user.IsActive && await OrganisationActiveAsync(user.OrganisationId, ct);

    public Task<bool> OrganisationActiveAsync(Guid organisationId, CancellationToken ct = default) =>
        db.Organisations.AsNoTracking().AnyAsync(o => o.Id == organisationId && o.IsActive, ct);
}
