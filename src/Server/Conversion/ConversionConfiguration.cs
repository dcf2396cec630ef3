using GonPortal.Domain.Arrangements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GonPortal.Server.Conversion;

/// <summary>
/// The gemeente's conversion records (plain owner filter: only the gemeente that converted sees them).
/// The unique (gemeente, source reference) index is what makes a re-sent line store nothing, even when
/// two imports of the same file race.
/// </summary>
public sealed class ConversionRecordConfiguration : IEntityTypeConfiguration<ConversionRecord>
{
    public void Configure(EntityTypeBuilder<ConversionRecord> b)
    {
        b.ToTable("ConversionRecords");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.SourceReference).HasMaxLength(ConversionInput.MaxSourceReferenceLength);
        b.Property(r => r.ConvertedBy).HasMaxLength(200);
        b.HasIndex(r => new { r.TenantId, r.SourceReference }).IsUnique();
        b.HasOne<Arrangement>().WithMany().HasForeignKey(r => r.ArrangementId).OnDelete(DeleteBehavior.Restrict);
    }
}
