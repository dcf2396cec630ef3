using GonPortal.Domain.Settlements;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Writes a run's results and its success in ONE transaction at the end (settlement-rules.md §5): a
/// failure anywhere before the commit leaves no result row. Per identity: the same content hash as
/// the latest revision stores nothing (unchanged); another hash stores revision + 1 and keeps the
/// earlier ones. The run row carries its attempt as concurrency token, so a worker that lost its
/// lease cannot commit over the one that took the run over.
/// </summary>
internal sealed class SettlementResultWriter(GonDbContext db, SystemReads reads, ISettlementRunFaults faults)
{
    public async Task WriteAsync(SettlementRun run, IReadOnlyList<ComputedResult> results, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var all = reads.Set<SettlementResult>().AsNoTracking();
        int written = 0, unchanged = 0, revision = 0;
        foreach (var result in results)
        {
            var hash = result.ContentHash;
            var latest = await all.OfIdentity(result.Kind, result.AreaId, result.Year, result.Month, result.SubcontractId)
                .OrderByDescending(r => r.Revision).Select(r => new { r.Revision, r.ContentHash }).FirstOrDefaultAsync(ct);
            if (latest is not null && latest.ContentHash == hash)
            {
                unchanged++;
                revision = latest.Revision;
                continue;
            }
            var row = new SettlementResult
            {
                Id = Guid.CreateVersion7(now),
                Kind = result.Kind,
                AreaId = result.AreaId,
                Year = result.Year,
                Month = result.Month,
                SubcontractId = result.SubcontractId,
                Revision = (latest?.Revision ?? 0) + 1,
                SettlementRunId = run.Id,
                ComputedAt = now,
                RulesVersion = SettlementRules.RulesVersion,
                AmountCents = result.AmountCents,
                TenantId = result.TenantId,
                OnderaannemerId = result.OnderaannemerId,
                ContentHash = hash,
                Document = result.Document,
                DocumentFormat = SettlementDocumentFormat.Explanation,
            };
            db.SettlementResults.Add(row);
            foreach (var line in result.StatementLines)
            {
                line.Id = Guid.NewGuid();
                line.SettlementResultId = row.Id;
                db.SettlementStatementLines.Add(line);
            }
            foreach (var line in result.ShortageLines)
            {
                line.Id = Guid.NewGuid();
                line.SettlementResultId = row.Id;
                db.SettlementShortageLines.Add(line);
            }
            // Written inside the open transaction, so a fault after this proves the rollback.
            await db.SaveChangesAsync(ct);
            written++;
            revision = row.Revision;
            await faults.AfterResultWrittenAsync(run.Id, written, ct);
        }
        run.Succeed(written, unchanged, run.Kind == SettlementKind.SubcontractorStatements ? 0 : revision, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
