using GonPortal.Domain.Hours;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GonPortal.Server.Hours;

/// <summary>
/// Hour entries are owned by the hoofdaanbieder of the arrangement (who reviews them) and visible to
/// the organisation that reported them; an onderaannemer working for two hoofdaanbieders sees its own
/// entries of each and nothing of others'.
/// </summary>
public sealed class HourEntryConfiguration(GonDbContext db) : IEntityTypeConfiguration<HourEntry>
{
    public void Configure(EntityTypeBuilder<HourEntry> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.EntryKey).HasMaxLength(100).IsRequired();
        b.Property(e => e.ActivityNote).HasMaxLength(500);
        b.Property(e => e.SubmittedBy).HasMaxLength(200);
        b.Property(e => e.ReviewedBy).HasMaxLength(200);
        b.Property(e => e.ReviewNote).HasMaxLength(1000);
        b.Ignore(e => e.Content);
        // The reporter's idempotency key: unique per reporting organisation, including under concurrency.
        b.HasIndex(e => new { e.ReportedByProviderId, e.EntryKey }).IsUnique();
        b.HasIndex(e => new { e.ClientId, e.ServiceDate });
        b.HasIndex(e => new { e.TenantId, e.Status, e.ServiceDate });
        b.HasIndex(e => new { e.ArrangementId, e.ServiceDate });
        b.HasIndex(e => e.ReversesEntryId);
        // The list's own order (newest service date first, then the id): the export's keyset chunks seek on it
        // instead of scanning and sorting the rest of the table for every chunk (Paging/KeysetOrder).
        b.HasIndex(e => new { e.ServiceDate, e.Id }).IsDescending(true, false);
        b.HasQueryFilter(TenantFilter.Name, e => e.TenantId == db.CurrentTenantId || e.ReportedByProviderId == db.CurrentTenantId);
    }
}
