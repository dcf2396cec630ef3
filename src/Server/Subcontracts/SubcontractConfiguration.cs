using GonPortal.Domain.Providers;
using GonPortal.Domain.Subcontracts;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GonPortal.Server.Subcontracts;

/// <summary>
/// Subcontracts are owned by the hoofdaanbieder and readable by the onderaannemer that is party
/// to them; nobody else sees a row (the gemeente only through the audited cross-tenant path).
/// </summary>
public sealed class SubcontractConfiguration(GonDbContext db) : IEntityTypeConfiguration<Subcontract>
{
    public void Configure(EntityTypeBuilder<Subcontract> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Ignore(s => s.Validity);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.ProposedBy).HasMaxLength(200);
        b.Property(s => s.DecidedBy).HasMaxLength(200);
        b.Property(s => s.ClosedBy).HasMaxLength(200);
        b.Property(s => s.ConsentReference).HasMaxLength(100);
        b.Property(s => s.RefusalReason).HasMaxLength(1000);
        b.Property(s => s.CloseReason).HasMaxLength(1000);
        b.Property(s => s.AreaIds);
        b.OwnsMany(s => s.Rates, r =>
        {
            r.ToJson();
            r.Property(x => x.Product).HasConversion<string>();
            r.Property(x => x.Unit).HasConversion<string>();
        });
        // The history is read with its subcontract, by the same parties; JSON like the rates.
        b.OwnsMany(s => s.RateChanges, r =>
        {
            r.ToJson();
            r.Property(x => x.Product).HasConversion<string>();
            r.Property(x => x.Unit).HasConversion<string>();
        });
        b.HasOne<Provider>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Provider>().WithMany().HasForeignKey(s => s.OnderaannemerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.TenantId, s.State });
        b.HasIndex(s => new { s.OnderaannemerId, s.State });
        b.HasQueryFilter(TenantFilter.Name, s => s.TenantId == db.CurrentTenantId || s.OnderaannemerId == db.CurrentTenantId);
    }
}
