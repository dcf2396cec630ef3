using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using DomainReferral = GonPortal.Domain.Referrals.Referral;

namespace GonPortal.Server.Clients;

/// <summary>What a list of referrals is shown with: the name of the hoofdaanbieder each is addressed to, and the arrangements it led to.</summary>
public sealed record ReferralView(IReadOnlyDictionary<Guid, string> HoofdaanbiederNames, ILookup<Guid, Guid> ArrangementIds);

/// <summary>
/// Gathers <see cref="ReferralView"/>: WIJ follows the outcome of its referrals, so each is returned with
/// the ids of the arrangements that serve it, read as the caller may see them (audited for the gemeente).
/// </summary>
public sealed class ReferralOutcomes(GonDbContext db, CrossTenantAccess crossTenant)
{
    public async Task<ReferralView> ForAsync(IReadOnlyList<DomainReferral> referrals, CancellationToken ct)
    {
        var names = await db.ProviderNamesAsync(referrals.Select(r => r.HoofdaanbiederId), ct);
        var referralIds = referrals.Select(r => (Guid?)r.Id).ToList();
        var arrangements = await crossTenant.VisibleAsync<Domain.Arrangements.Arrangement>("Arrangements of referrals", ct);
        var outcome = (await arrangements.AsNoTracking().Where(a => referralIds.Contains(a.ReferralId))
                .Select(a => new { a.Id, a.ReferralId, a.CreatedAt }).ToListAsync(ct))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToLookup(a => a.ReferralId!.Value, a => a.Id);
        return new ReferralView(names, outcome);
    }
}
