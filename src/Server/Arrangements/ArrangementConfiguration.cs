using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Clients;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Referrals;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GonPortal.Server.Arrangements;

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
