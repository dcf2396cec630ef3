using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Clients;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Referrals;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GonPortal.Server.Clients;

/// <summary>
/// Clients are owned by the hoofdaanbieder responsible for their area. Party clauses: WIJ sees the
/// clients it registered or referred (<see cref="Client.WijOrganisationIds"/>); an onderaannemer sees
/// the clients of arrangements of which it executes at least one version. The gemeente reads all only
/// through <see cref="CrossTenantAccess"/>. The BSN is stored only encrypted plus a keyed hash.
/// </summary>
public sealed class ClientConfiguration(GonDbContext db) : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.BsnCipher).HasMaxLength(64).IsRequired();
        b.Property(c => c.BsnHash).HasMaxLength(32).IsRequired();
        b.Property(c => c.GivenNames).HasMaxLength(200);
        b.Property(c => c.Initials).HasMaxLength(20);
        b.Property(c => c.SurnamePrefix).HasMaxLength(20);
        b.Property(c => c.Surname).HasMaxLength(200).IsRequired();
        b.Property(c => c.DisplayName).HasMaxLength(450).IsRequired();
        b.Property(c => c.SearchText).HasMaxLength(2000).IsRequired();
        b.Property(c => c.Postcode).HasMaxLength(6).IsRequired();
        b.Property(c => c.CreatedBy).HasMaxLength(200);
        b.Property(c => c.UpdatedBy).HasMaxLength(200);
        b.Property(c => c.WijOrganisationIds);
        b.ComplexProperty(c => c.ContactDetails, cd =>
        {
            cd.Property(x => x.PhoneNumber).HasMaxLength(20);
            cd.Property(x => x.Email).HasMaxLength(254);
            cd.Property(x => x.Street).HasMaxLength(100);
            cd.Property(x => x.HouseNumber).HasMaxLength(10);
            cd.Property(x => x.HouseNumberAddition).HasMaxLength(10);
            cd.Property(x => x.City).HasMaxLength(100);
            cd.Property(x => x.ContactPersonName).HasMaxLength(200);
            cd.Property(x => x.ContactPersonPhoneNumber).HasMaxLength(20);
        });
        b.HasOne<Provider>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        // One client per BSN per area, checked on the keyed hash.
        b.HasIndex(c => new { c.AreaId, c.BsnHash }).IsUnique();
        b.HasIndex(c => new { c.TenantId, c.Surname });
        b.HasQueryFilter(TenantFilter.Name, c => c.TenantId == db.CurrentTenantId
            || c.WijOrganisationIds.Contains(db.CurrentTenantId)
            || db.Arrangements.Any(a => a.ClientId == c.Id && a.ExecutorProviderIds.Contains(db.CurrentTenantId)));
    }
}

/// <summary>
/// Referrals are owned by the referring WIJ organisation; the hoofdaanbieder they are addressed to is a
/// party that reads them (and accepts or returns them through <see cref="PartyAccess"/>). Onderaannemers
/// see none; the gemeente reads all through <see cref="CrossTenantAccess"/>.
/// </summary>
public sealed class ReferralConfiguration(GonDbContext db) : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.WijTeam).HasMaxLength(100);
        b.Property(r => r.Note).HasMaxLength(4000);
        b.Property(r => r.ReferredBy).HasMaxLength(200);
        b.Property(r => r.AcceptedBy).HasMaxLength(200);
        b.Property(r => r.ClosedBy).HasMaxLength(200);
        b.Property(r => r.CloseReason).HasMaxLength(1000);
        b.Property(r => r.IndicatedProducts);
        b.OwnsMany(r => r.Goals, g =>
        {
            g.ToJson();
            g.Property(x => x.Description);
        });
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Provider>().WithMany().HasForeignKey(r => r.HoofdaanbiederId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.TenantId, r.State });
        b.HasIndex(r => new { r.HoofdaanbiederId, r.State });
        b.HasIndex(r => r.ClientId);
        b.HasQueryFilter(TenantFilter.Name, r => r.TenantId == db.CurrentTenantId || r.HoofdaanbiederId == db.CurrentTenantId);
    }
}
