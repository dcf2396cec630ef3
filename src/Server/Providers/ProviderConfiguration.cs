using GonPortal.Domain.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GonPortal.Server.Providers;

/// <summary>The provider register: public to all callers, so not tenant-filtered.</summary>
public sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(200).IsRequired();
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.KvkNumber).HasMaxLength(8).IsRequired();
        b.Property(p => p.AgbCode).HasMaxLength(8);
        b.HasIndex(p => p.KvkNumber).IsUnique();
        b.HasIndex(p => p.Name);
    }
}

/// <summary>Area contracts: public to all callers (the tender result is public).</summary>
public sealed class AreaContractConfiguration : IEntityTypeConfiguration<AreaContract>
{
    public void Configure(EntityTypeBuilder<AreaContract> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Ignore(c => c.Period);
        b.HasOne<Provider>().WithMany().HasForeignKey(c => c.HoofdaanbiederId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.AreaId, c.PeriodStart });
    }
}
