using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Server.Arrangements;
using GonPortal.Server.Audit;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Providers;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using DomainReferral = GonPortal.Domain.Referrals.Referral;

namespace GonPortal.Server.Clients;

/// <summary>
/// The writes of WIJ's referrals: WIJ refers a client to the area's hoofdaanbieder (and becomes a party
/// to the client) or withdraws; the hoofdaanbieder it is addressed to accepts or returns it, writing a
/// row WIJ owns through <see cref="PartyAccess"/> (audited).
/// </summary>
public sealed class ReferralHandler(GonDbContext db, TenantContext tenant, PartyAccess party, AreaHolding holding, TimeProvider clock, ClientAccessLog log)
{
    /// <summary>Adds the referral to the unit of work (the caller's idempotent create saves it) and returns its id.</summary>
    public async Task<Guid> AddAsync(Guid? clientId, string? wijTeam, IReadOnlyList<string> goals, IReadOnlyList<Product?> products,
        bool selfDirected, string? note, CancellationToken ct)
    {
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId, ct) ?? throw new NotFoundException("Client");
        var today = AmsterdamCalendar.Today(clock);
        var hoofdaanbieder = await holding.ResponsibleHoofdaanbiederAsync(client.AreaId, today, ct)
            ?? throw new InvalidStateException($"Area {client.AreaId} has no current or future area contract to refer to.",
                ErrorReasons.AreaWithoutContract, new Dictionary<string, string> { ["area_id"] = $"{client.AreaId}" });
        var referral = DomainReferral.Create(Guid.NewGuid(), tenant.TenantId, client.Id, client.AreaId, hoofdaanbieder, wijTeam,
            goals, products, selfDirected, note, tenant.Subject, AccessProcessSupport.Now(clock));
        if (client.AddWijOrganisation(tenant.TenantId))
        {
            party.AllowWrite(client.TenantId, $"Client {client.Id}");
        }
        db.Referrals.Add(referral);
        log.Wrote(Resource, client.Id);
        return referral.Id;
    }

    public async Task<DomainReferral> AcceptAsync(Guid id, CancellationToken ct)
    {
        var referral = await AddressedAsync(id, ct);
        if (referral.Accept(tenant.Subject, AccessProcessSupport.Now(clock)))
        {
            party.AllowWrite(referral.TenantId, $"Referral {referral.Id}");
            log.Wrote(Resource, referral.ClientId);
            await db.SaveChangesAsync(ct);
        }
        return referral;
    }

    public async Task<DomainReferral> ReturnAsync(Guid id, string reason, CancellationToken ct)
    {
        var referral = await AddressedAsync(id, ct);
        referral.Return(tenant.Subject, reason, AccessProcessSupport.Now(clock));
        party.AllowWrite(referral.TenantId, $"Referral {referral.Id}");
        log.Wrote(Resource, referral.ClientId);
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>Only the referring WIJ organisation withdraws its own referral.</summary>
    public async Task<DomainReferral> WithdrawAsync(Guid id, string reason, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id && r.TenantId == tenant.TenantId, ct) ?? throw new NotFoundException("Referral");
        referral.Withdraw(tenant.Subject, reason, AccessProcessSupport.Now(clock));
        log.Wrote(Resource, referral.ClientId);
        await db.SaveChangesAsync(ct);
        return referral;
    }

    private const string Resource = "Referral";

    /// <summary>A referral addressed to the calling hoofdaanbieder (tracked, for a change).</summary>
    private async Task<DomainReferral> AddressedAsync(Guid id, CancellationToken ct) =>
        await db.Referrals.SingleOrDefaultAsync(r => r.Id == id && r.HoofdaanbiederId == tenant.TenantId, ct) ?? throw new NotFoundException("Referral");
}
