using GonPortal.Domain.Arrangements;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using DomainArrangement = GonPortal.Domain.Arrangements.Arrangement;
using DomainState = GonPortal.Domain.Arrangements.ArrangementState;

namespace GonPortal.Server.Arrangements;

/// <summary>
/// How each role reaches an arrangement: to change it (the owner's own rows, WIJ through its referral,
/// the gemeente through <see cref="CrossTenantAccess"/>, audited), to list what it may see, and the hour
/// facts its checks need. Visibility itself stays the data layer's.
/// </summary>
public sealed class ArrangementAccess(GonDbContext db, TenantContext tenant, CrossTenantAccess crossTenant)
{
    /// <summary>The arrangements the caller may see, narrowed by the list filter; newest first is the caller's to order.</summary>
    public async Task<IQueryable<DomainArrangement>> ListAsync(ArrangementFilter f, CancellationToken ct)
    {
        var query = (await crossTenant.VisibleAsync<DomainArrangement>("Arrangement list", ct)).AsNoTracking();
        if (f.State is not null)
        {
            query = query.Where(a => a.State == f.State);
        }
        if (f.AreaId != 0)
        {
            query = query.Where(a => a.AreaId == f.AreaId);
        }
        if (f.ClientId is not null)
        {
            query = query.Where(a => a.ClientId == f.ClientId);
        }
        if (f.ReferralId is not null)
        {
            query = query.Where(a => a.ReferralId == f.ReferralId);
        }
        if (f.SupportType is not null)
        {
            query = query.Where(a => a.SupportType == f.SupportType);
        }
        if (f.Product is not null)
        {
            query = query.Where(a => a.Product == f.Product);
        }
        if (f.SubcontractId is not null)
        {
            query = query.Where(a => a.Versions.Any(x => x.SubcontractId == f.SubcontractId));
        }
        if (f.ActiveOn is { } day)
        {
            query = query.Where(a => (a.State == DomainState.Active || a.State == DomainState.Ended)
                && a.StartDate <= day && (a.EndDate == null || day <= a.EndDate));
            if (f.ExecutorProviderId is not null)
            {
                // The version in force on the day: the latest that starts on or before it.
                query = query.Where(a => a.Versions.Any(x => x.ExecutorProviderId == f.ExecutorProviderId && x.EffectiveFrom <= day
                    && !a.Versions.Any(y => y.EffectiveFrom > x.EffectiveFrom && y.EffectiveFrom <= day)));
            }
        }
        else if (f.ExecutorProviderId is not null)
        {
            query = query.Where(a => a.Versions.Any(x => x.ExecutorProviderId == f.ExecutorProviderId));
        }
        return query;
    }

    /// <summary>Only the owning hoofdaanbieder's arrangements (tracked); party visibility grants no changes.</summary>
    public async Task<DomainArrangement> OwnAsync(string rawId, CancellationToken ct)
    {
        var id = AccessProcessSupport.RequireId("arrangement_id", rawId);
        return await db.Arrangements.SingleOrDefaultAsync(a => a.Id == id && a.TenantId == tenant.TenantId, ct) ?? throw new NotFoundException("Arrangement");
    }

    /// <summary>
    /// The hour facts of the arrangement's checks: per reporter, the last service date of its entries
    /// that are not rejected, as one grouped query (the owner sees every entry on its arrangement).
    /// </summary>
    public async Task<ReportedHours> ReportedHoursAsync(Guid arrangementId, CancellationToken ct)
    {
        var rows = await db.HourEntries.AsNoTracking()
            .Where(e => e.ArrangementId == arrangementId && e.Status != Domain.Hours.HourEntryStatus.Rejected)
            .GroupBy(e => e.ReportedByProviderId)
            .Select(g => new { Reporter = g.Key, LastDay = g.Max(e => e.ServiceDate) })
            .ToListAsync(ct);
        return new ReportedHours(rows.ToDictionary(r => r.Reporter, r => r.LastDay));
    }

    /// <summary>An arrangement serving a referral of the calling WIJ organisation (tracked).</summary>
    public async Task<DomainArrangement> ForWijAsync(string rawId, CancellationToken ct)
    {
        var id = AccessProcessSupport.RequireId("arrangement_id", rawId);
        return await db.Arrangements.SingleOrDefaultAsync(a => a.Id == id && a.WijOrganisationId == tenant.TenantId, ct) ?? throw new NotFoundException("Arrangement");
    }

    public async Task<DomainArrangement> ForGemeenteAsync(Guid id, CancellationToken ct)
    {
        var source = await crossTenant.ReadAsync<DomainArrangement>($"Arrangement {id}", ct);
        var arrangement = await source.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Arrangement");
        crossTenant.AllowWrite(arrangement.TenantId, $"Arrangement {id}");
        return arrangement;
    }
}
