using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;
using GonPortal.Domain.Subcontracts;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Subcontractor statements of one month (settlement-rules.md §3): one per subcontract in
/// CONSENTED or ENDED whose validity overlaps the month. Approved entries (reversals included) are
/// summed per (area, product, unit, service date) in the database; <see cref="StatementRating"/> gives
/// each the rate in force on that date (rates are effective-dated, so a change mid-month gives two
/// lines), and <see cref="SubcontractorStatement.Compute"/> groups them per rate, which gives the same
/// quantity and amount as the single entries (the amount is computed from the summed minutes, rounded
/// once); the entry count comes from the database. Reads every hoofdaanbieder's rows through <see cref="SystemReads"/>: the job runs in system mode.
/// </summary>
internal sealed class StatementComputer(SystemReads reads, ISettlementRunFaults faults)
{
    public async Task<List<ComputedResult>> ComputeAsync(SettlementRun run, StatementRunInputs inputs, ReportProgress progress, CancellationToken ct)
    {
        var (from, to) = (inputs.From, inputs.To);
        await progress("loading subcontracts", 0, 0);
        var subcontracts = await reads.Set<Subcontract>().AsNoTracking()
            .Where(s => (s.State == SubcontractState.Consented || s.State == SubcontractState.Ended)
                && s.ValidFrom <= to && (s.ValidTo == null || s.ValidTo >= from))
            .OrderBy(s => s.Id)
            .ToListAsync(ct);

        var results = new List<ComputedResult>(subcontracts.Count);
        await progress("summing approved hour entries per subcontract", 0, subcontracts.Count);
        for (var i = 0; i < subcontracts.Count; i++)
        {
            await faults.BeforeItemAsync(run.Id, i, ct);
            results.Add(await ComputeOneAsync(subcontracts[i], run.Year, run.Month, from, to, ct));
            await progress("summing approved hour entries per subcontract", i + 1, subcontracts.Count);
        }
        return results;
    }

    private async Task<ComputedResult> ComputeOneAsync(Subcontract subcontract, int year, int month, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var groups = await reads.Set<HourEntry>().AsNoTracking()
            .Where(e => e.SubcontractId == subcontract.Id && e.Status == HourEntryStatus.Approved && e.ServiceDate >= from && e.ServiceDate <= to)
            .GroupBy(e => new { e.AreaId, e.Product, e.Unit, e.ServiceDate })
            .Select(g => new { g.Key.AreaId, g.Key.Product, g.Key.Unit, g.Key.ServiceDate, Quantity = g.Sum(e => (long)e.Quantity), Count = g.Count() })
            .ToListAsync(ct);

        var (entries, counts) = StatementRating.Rate(subcontract.Rates,
            groups.Select(g => new DatedStatementEntry(g.AreaId, g.Product, g.Unit, g.ServiceDate, g.Quantity, g.Count)));
        var computed = SubcontractorStatement.Compute(subcontract.Id, year, month, entries);
        var lines = computed.Lines.Select(l => l with { EntryCount = counts[(l.AreaId, l.Product, l.Unit, l.RateCents)] }).ToList();

        var explanation = new StatementExplanation(computed with { Lines = lines }, subcontract.TenantId, subcontract.OnderaannemerId);
        var rows = lines.Select((l, i) => new SettlementStatementLine
        {
            LineNumber = i + 1,
            TenantId = subcontract.TenantId,
            OnderaannemerId = subcontract.OnderaannemerId,
            SubcontractId = subcontract.Id,
            Year = year,
            Month = month,
            AreaId = l.AreaId,
            Product = l.Product,
            Unit = l.Unit,
            RateCents = l.RateCents,
            Quantity = l.Quantity,
            AmountCents = l.AmountCents,
            EntryCount = l.EntryCount,
        }).ToList();
        return new ComputedResult(SettlementKind.SubcontractorStatements, 0, year, month, subcontract.Id, subcontract.TenantId,
            subcontract.OnderaannemerId, computed.TotalCents, explanation, rows, []);
    }
}
