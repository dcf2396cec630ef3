using GonPortal.Domain.Budgets;
using GonPortal.Domain.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GonPortal.Server.Budgets;

// Budget data is the gemeente's (settlement-rules.md §1, §2, §4). Apart from the year report it is
// not tenant-owned: a hoofdaanbieder reads the figures of the areas it holds, which the budget
// service checks against its area contracts; only the gemeente writes them.

public sealed class BaseLumpsumConfiguration : IEntityTypeConfiguration<BaseLumpsum>
{
    public void Configure(EntityTypeBuilder<BaseLumpsum> b)
    {
        b.HasKey(x => x.AreaContractId);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.HasOne<AreaContract>().WithOne().HasForeignKey<BaseLumpsum>(x => x.AreaContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AreaId, x.BaseYear });
    }
}

public sealed class IndexRateConfiguration : IEntityTypeConfiguration<IndexRate>
{
    public void Configure(EntityTypeBuilder<IndexRate> b)
    {
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
        b.Property(x => x.PrognosisSource).HasMaxLength(200);
        b.Property(x => x.DefinitiveSource).HasMaxLength(200);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Ignore(x => x.EffectiveBp);
        b.Ignore(x => x.EffectiveKind);
    }
}

public sealed class BudgetAdjustmentConfiguration : IEntityTypeConfiguration<BudgetAdjustment>
{
    public void Configure(EntityTypeBuilder<BudgetAdjustment> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.AreaId, x.Year });
    }
}

public sealed class PgbBaselineConfiguration : IEntityTypeConfiguration<PgbBaseline>
{
    public void Configure(EntityTypeBuilder<PgbBaseline> b)
    {
        b.HasKey(x => x.AreaContractId);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.HasOne<AreaContract>().WithOne().HasForeignKey<PgbBaseline>(x => x.AreaContractId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PgbMonthlyCountConfiguration : IEntityTypeConfiguration<PgbMonthlyCount>
{
    public void Configure(EntityTypeBuilder<PgbMonthlyCount> b)
    {
        b.HasKey(x => new { x.AreaId, x.Year, x.Month });
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}

public sealed class PgbAverageCostConfiguration : IEntityTypeConfiguration<PgbAverageCost>
{
    public void Configure(EntityTypeBuilder<PgbAverageCost> b)
    {
        b.HasKey(x => new { x.AreaId, x.Year });
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}

/// <summary>The year report is the hoofdaanbieder's own data: the default owner filter applies, the gemeente reads it through the audited path.</summary>
public sealed class YearReportConfiguration : IEntityTypeConfiguration<YearReport>
{
    public void Configure(EntityTypeBuilder<YearReport> b)
    {
        // One report per holder: an area that changes hands in a year has two (settlement-rules.md §7).
        b.HasKey(x => new { x.AreaId, x.Year, x.TenantId });
        b.Property(x => x.Note).HasMaxLength(YearReport.MaxNoteLength);
        b.Property(x => x.SubmittedBy).HasMaxLength(200);
        b.Property(x => x.LockedBy).HasMaxLength(200);
        b.Ignore(x => x.IsLocked);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.TenantId, x.Year });
    }
}

public sealed class YearParametersConfiguration : IEntityTypeConfiguration<YearParameters>
{
    public void Configure(EntityTypeBuilder<YearParameters> b)
    {
        b.HasKey(x => new { x.Year, x.Version });
        b.Property(x => x.ChangeNote).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
    }
}

public sealed class BudgetChangeConfiguration : IEntityTypeConfiguration<BudgetChange>
{
    public void Configure(EntityTypeBuilder<BudgetChange> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Figure).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.OldValue).HasMaxLength(100);
        b.Property(x => x.NewValue).HasMaxLength(100);
        b.Property(x => x.ChangedBy).HasMaxLength(200);
        b.Property(x => x.Source).HasMaxLength(50);
        b.HasIndex(x => new { x.Figure, x.AreaId, x.Year, x.ChangedAt });
    }
}
