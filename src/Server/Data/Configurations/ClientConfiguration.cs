using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Clients;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Referrals;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GonPortal.Server.Data.Configurations;

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

/// <summary>
/// Arrangements are owned by the hoofdaanbieder (tenant). Party clauses: an onderaannemer sees those of
/// which it executes at least one version (<see cref="Arrangement.ExecutorProviderIds"/>); WIJ sees
/// those serving its referrals (every aanvullend arrangement has one). The gemeente reads all through
/// <see cref="CrossTenantAccess"/>. Versions and beschikkingen are owned rows in their own tables.
/// </summary>
public sealed class ArrangementConfiguration(GonDbContext db) : IEntityTypeConfiguration<Arrangement>
{
    public void Configure(EntityTypeBuilder<Arrangement> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Ignore(a => a.HoofdaanbiederId);
        b.Ignore(a => a.OrderedVersions);
        b.Ignore(a => a.BeschikkingInForce);
        b.Ignore(a => a.IsStarted);
        b.Property(a => a.EntryChannel).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.SupportType).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Product).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Unit).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.EndReason).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.DecisionNote).HasMaxLength(4000);
        b.Property(a => a.DecidedBy).HasMaxLength(200);
        b.Property(a => a.WijReviewedBy).HasMaxLength(200);
        b.Property(a => a.WijReviewNote).HasMaxLength(1000);
        b.Property(a => a.EndNote).HasMaxLength(1000);
        b.Property(a => a.CreatedBy).HasMaxLength(200);
        b.Property(a => a.ExecutorProviderIds);
        b.OwnsMany(a => a.Versions, v =>
        {
            v.ToTable("ArrangementVersions");
            v.WithOwner().HasForeignKey("ArrangementId");
            v.HasKey(x => x.Id);
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.Unit).HasConversion<string>().HasMaxLength(20);
            v.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(20);
            v.Property(x => x.ExecutorKind).HasConversion<string>().HasMaxLength(20);
            v.Property(x => x.InitiativeName).HasMaxLength(200);
            v.Property(x => x.Note).HasMaxLength(1000);
            v.Property(x => x.CreatedBy).HasMaxLength(200);
            v.HasIndex("ArrangementId", nameof(ArrangementVersion.Number)).IsUnique();
            v.HasIndex(x => x.ExecutorProviderId);
            v.HasIndex(x => x.SubcontractId);
        });
        b.OwnsMany(a => a.Beschikkingen, x =>
        {
            x.ToTable("Beschikkingen");
            x.WithOwner().HasForeignKey("ArrangementId");
            x.HasKey(y => y.Id);
            x.Property(y => y.Id).ValueGeneratedNever();
            x.Property(y => y.Number).HasMaxLength(50);
            x.Property(y => y.RecordedBy).HasMaxLength(200);
            x.HasIndex("ArrangementId", nameof(Beschikking.Number)).IsUnique();
        });
        b.HasOne<Provider>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Referral>().WithMany().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.TenantId, a.State });
        b.HasIndex(a => a.ClientId);
        b.HasIndex(a => a.ReferralId);
        b.HasIndex(a => new { a.WijOrganisationId, a.State });
        b.HasQueryFilter(TenantFilter.Name, a => a.TenantId == db.CurrentTenantId
            || a.ExecutorProviderIds.Contains(db.CurrentTenantId)
            || a.WijOrganisationId == db.CurrentTenantId);
    }
}

/// <summary>The transition history: visible to whoever may see the arrangement (same clauses), append-only.</summary>
public sealed class ArrangementTransitionConfiguration(GonDbContext db) : IEntityTypeConfiguration<ArrangementTransition>
{
    public void Configure(EntityTypeBuilder<ArrangementTransition> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.FromState).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.ToState).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.ActorRole).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.EndReason).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.ActorSubject).HasMaxLength(200);
        b.Property(t => t.ActorName).HasMaxLength(200);
        b.Property(t => t.Reason).HasMaxLength(4000);
        b.Property(t => t.BeschikkingNumber).HasMaxLength(50);
        b.OwnsOne(t => t.Decision, d =>
        {
            d.ToJson();
            d.Property(x => x.SupportType).HasConversion<string>();
            d.Property(x => x.Product).HasConversion<string>();
            d.Property(x => x.Unit).HasConversion<string>();
            d.Property(x => x.Frequency).HasConversion<string>();
            d.Property(x => x.ExecutorKind).HasConversion<string>();
        });
        b.HasOne<Arrangement>().WithMany().HasForeignKey(t => t.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.ArrangementId, t.Sequence }).IsUnique();
        b.HasQueryFilter(TenantFilter.Name, t => t.TenantId == db.CurrentTenantId
            || db.Arrangements.Any(a => a.Id == t.ArrangementId
                && (a.ExecutorProviderIds.Contains(db.CurrentTenantId) || a.WijOrganisationId == db.CurrentTenantId)));
    }
}
