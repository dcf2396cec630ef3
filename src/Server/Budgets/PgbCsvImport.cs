using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>
/// ImportPgbCsv: the domain parser judges the whole file, this adds the one check it cannot make
/// (whether a baseline's area contract exists), and only a file without errors is written, in one
/// SaveChanges. A file with errors stores nothing and returns every error.
/// </summary>
public sealed class PgbCsvImport(GonDbContext db, PgbFigureWriter pgb, BudgetClock clock)
{
    public async Task<PgbCsvImportOutcome> ImportAsync(D.PgbCsvKind kind, ReadOnlyMemory<byte> csv, string source, CancellationToken ct)
    {
        var file = D.PgbCsvParser.Parse(kind, csv.Span, clock.Today());
        var errors = file.Errors.ToList();
        var contracts = new Dictionary<Guid, int>();
        if (file.IsValid && kind == D.PgbCsvKind.Baselines)
        {
            var ids = file.Baselines.Select(b => b.AreaContractId).ToList();
            contracts = await db.AreaContracts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.AreaId, ct);
            errors.AddRange(file.Baselines.Where(b => !contracts.ContainsKey(b.AreaContractId))
                .Select(b => new D.PgbCsvError(b.Line, "area_contract_id", $"{b.AreaContractId} is not a known area contract")));
        }
        if (errors.Count > 0)
        {
            return new PgbCsvImportOutcome(errors, file.RowCount, 0, 0, 0);
        }

        var now = clock.Now();
        var outcomes = new List<WriteOutcome>();
        foreach (var row in file.Counts)
        {
            outcomes.Add((await pgb.MonthlyCountAsync(row.AreaId, row.Year, row.Month, row.ClientCount, source, now, ct)).Outcome);
        }
        foreach (var row in file.Costs)
        {
            outcomes.Add((await pgb.AverageCostAsync(row.AreaId, row.Year, row.AverageCostCents, source, now, ct)).Outcome);
        }
        foreach (var row in file.Baselines)
        {
            outcomes.Add((await pgb.BaselineAsync(row.AreaContractId, contracts[row.AreaContractId], row.ReferenceDate, row.ClientCount,
                source, now, ct)).Outcome);
        }
        await BudgetSave.SaveAsync(db, ct);
        return new PgbCsvImportOutcome([], file.RowCount, outcomes.Count(o => o == WriteOutcome.Created),
            outcomes.Count(o => o == WriteOutcome.Updated), outcomes.Count(o => o == WriteOutcome.Unchanged));
    }
}

/// <summary>What an import did: every error (then nothing was stored), or the counts of rows written.</summary>
public sealed record PgbCsvImportOutcome(IReadOnlyList<D.PgbCsvError> Errors, int RowCount, int CreatedCount, int UpdatedCount, int UnchangedCount);
