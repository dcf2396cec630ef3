using GonPortal.Server.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GonPortal.Server.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.ActorSubject).HasMaxLength(200);
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.ActorOrganisationName).HasMaxLength(200);
        b.Property(a => a.ActorRole).HasMaxLength(20);
        b.Property(a => a.Method).HasMaxLength(200);
        b.Property(a => a.Resource).HasMaxLength(300);
        b.Property(a => a.Access).HasMaxLength(10);
        b.Property(a => a.Purpose).HasMaxLength(500);
        b.Property(a => a.Partition).HasMaxLength(20);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => a.OccurredAt);
        b.HasIndex(a => new { a.ActorSubject, a.OccurredAt });
        // The AVG access report: everything recorded about one client, newest first.
        b.HasIndex(a => new { a.ClientId, a.OccurredAt });
        // One entry per position: two writers can never both take a place in a chain.
        b.HasIndex(a => new { a.Partition, a.Sequence }).IsUnique();
    }
}

public sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.HasKey(h => h.Partition);
        b.Property(h => h.Partition).HasMaxLength(20);
        b.Property(h => h.LastHash).HasMaxLength(64);
        b.HasIndex(h => h.Day);
    }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Method).HasMaxLength(200);
        b.Property(r => r.RequestId).HasMaxLength(100);
        b.Property(r => r.Fingerprint).HasMaxLength(64);
        // The unique key that makes a repeated Create a no-op, including under concurrency.
        b.HasIndex(r => new { r.TenantId, r.Method, r.RequestId }).IsUnique();
    }
}
