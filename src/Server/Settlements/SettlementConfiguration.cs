using GonPortal.Domain.Settlements;
using GonPortal.Server.Data;
using GonPortal.Server.Settlements;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Settlement runs are the gemeente's process records (not tenant-owned): the settlement service
/// decides who sees a run from its kind and area. The unique <see cref="SettlementRun.ActiveKey"/>
/// (nullable: SQL Server gets the IS NOT NULL filter EF adds for nullable unique indexes) makes two
/// queued or running runs of one identity impossible, across server instances.
/// </summary>
public sealed class SettlementRunConfiguration : IEntityTypeConfiguration<SettlementRun>
{
    public void Configure(EntityTypeBuilder<SettlementRun> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.RequestedBy).HasMaxLength(200);
        b.Property(r => r.ProgressStage).HasMaxLength(200);
        b.Property(r => r.RulesVersion).HasMaxLength(20);
        b.Property(r => r.ErrorCode).HasMaxLength(40);
        b.Property(r => r.ErrorMessage).HasMaxLength(2000);
        b.Property(r => r.ActiveKey).HasMaxLength(40);
        // Fences a worker whose lease expired: its writes name the attempt it claimed.
        b.Property(r => r.AttemptCount).IsConcurrencyToken();
        b.Ignore(r => r.IsFinished);
        b.HasIndex(r => r.ActiveKey).IsUnique();
        b.HasIndex(r => new { r.State, r.LeaseExpiresAt });
        b.HasIndex(r => new { r.Kind, r.AreaId, r.Year, r.CreatedAt });
        b.HasIndex(r => r.CreatedAt);
    }
}

/// <summary>Results are owned by the hoofdaanbieder they settle and visible to the onderaannemer of a statement.</summary>
public sealed class SettlementResultConfiguration(GonDbContext db) : IEntityTypeConfiguration<SettlementResult>
{
    public void Configure(EntityTypeBuilder<SettlementResult> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.RulesVersion).HasMaxLength(20);
        b.Property(r => r.ContentHash).HasMaxLength(64);
        b.Property(r => r.DocumentFormat).HasConversion<string>().HasMaxLength(20);
        b.HasOne<SettlementRun>().WithMany().HasForeignKey(r => r.SettlementRunId).OnDelete(DeleteBehavior.Restrict);
        // Revisions of one result identity are numbered uniquely; a lost race fails instead of duplicating.
        b.HasIndex(r => new { r.Kind, r.AreaId, r.Year, r.Month, r.SubcontractId, r.Revision }).IsUnique();
        b.HasIndex(r => new { r.TenantId, r.Kind, r.Year });
        b.HasIndex(r => new { r.OnderaannemerId, r.Year });
        b.HasQueryFilter(TenantFilter.Name, r => r.TenantId == db.CurrentTenantId || r.OnderaannemerId == db.CurrentTenantId);
    }
}

public sealed class SettlementStatementLineConfiguration(GonDbContext db) : IEntityTypeConfiguration<SettlementStatementLine>
{
    public void Configure(EntityTypeBuilder<SettlementStatementLine> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Product).HasConversion<string>().HasMaxLength(30);
        b.Property(l => l.Unit).HasConversion<string>().HasMaxLength(20);
        b.HasOne<SettlementResult>().WithMany().HasForeignKey(l => l.SettlementResultId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.SettlementResultId, l.LineNumber }).IsUnique();
        b.HasIndex(l => new { l.Year, l.AreaId, l.Month });
        b.HasQueryFilter(TenantFilter.Name, l => l.TenantId == db.CurrentTenantId || l.OnderaannemerId == db.CurrentTenantId);
    }
}

public sealed class SettlementShortageLineConfiguration : IEntityTypeConfiguration<SettlementShortageLine>
{
    public void Configure(EntityTypeBuilder<SettlementShortageLine> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Product).HasConversion<string>().HasMaxLength(30);
        b.Property(l => l.AllocatedHours).HasMaxLength(200);
        b.Property(l => l.UnmetHours).HasMaxLength(200);
        b.HasOne<SettlementResult>().WithMany().HasForeignKey(l => l.SettlementResultId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.SettlementResultId, l.UnmetHoursValue });
    }
}
