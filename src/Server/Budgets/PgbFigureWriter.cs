using GonPortal.Domain.Budgets;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Budgets;

/// <summary>What one write of a figure did.</summary>
public enum WriteOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>
/// Writes PGB figures (one by one or from a CSV file) into the context without saving: creates or
/// replaces the row and appends a <see cref="BudgetChange"/> for every value that is new or changed,
/// so the caller's single SaveChanges stores figure and history together. An equal value writes nothing.
/// </summary>
public sealed class PgbFigureWriter(GonDbContext db, TenantContext tenant)
{
    public async Task<(PgbMonthlyCount Row, WriteOutcome Outcome)> MonthlyCountAsync(int areaId, int year, int month, int count,
        string source, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.PgbMonthlyCounts.FindAsync([areaId, year, month], ct);
        if (row is null)
        {
            row = PgbMonthlyCount.Create(areaId, year, month, count, tenant.Subject, now);
            db.PgbMonthlyCounts.Add(row);
            Record(BudgetFigure.PgbMonthlyCount, areaId, year, month, null, null, $"{count}", source, now);
            return (row, WriteOutcome.Created);
        }
        var old = row.ClientCount;
        if (!row.Change(count, tenant.Subject, now))
        {
            return (row, WriteOutcome.Unchanged);
        }
        Record(BudgetFigure.PgbMonthlyCount, areaId, year, month, null, $"{old}", $"{count}", source, now);
        return (row, WriteOutcome.Updated);
    }

    public async Task<(PgbAverageCost Row, WriteOutcome Outcome)> AverageCostAsync(int areaId, int year, long cents,
        string source, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.PgbAverageCosts.FindAsync([areaId, year], ct);
        if (row is null)
        {
            row = PgbAverageCost.Create(areaId, year, cents, tenant.Subject, now);
            db.PgbAverageCosts.Add(row);
            Record(BudgetFigure.PgbAverageCost, areaId, year, 0, null, null, $"{cents}", source, now);
            return (row, WriteOutcome.Created);
        }
        var old = row.AverageCostCents;
        if (!row.Change(cents, tenant.Subject, now))
        {
            return (row, WriteOutcome.Unchanged);
        }
        Record(BudgetFigure.PgbAverageCost, areaId, year, 0, null, $"{old}", $"{cents}", source, now);
        return (row, WriteOutcome.Updated);
    }

    /// <summary>The caller has checked that the area contract exists and passes its area.</summary>
    public async Task<(PgbBaseline Row, WriteOutcome Outcome)> BaselineAsync(Guid areaContractId, int areaId, DateOnly referenceDate, int count,
        string source, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.PgbBaselines.FindAsync([areaContractId], ct);
        if (row is null)
        {
            row = PgbBaseline.Create(areaContractId, areaId, referenceDate, count, tenant.Subject, now);
            db.PgbBaselines.Add(row);
            Record(BudgetFigure.PgbBaseline, areaId, 0, 0, areaContractId, null, Baseline(referenceDate, count), source, now);
            return (row, WriteOutcome.Created);
        }
        var old = Baseline(row.ReferenceDate, row.ClientCount);
        if (!row.Change(referenceDate, count, tenant.Subject, now))
        {
            return (row, WriteOutcome.Unchanged);
        }
        Record(BudgetFigure.PgbBaseline, areaId, 0, 0, areaContractId, old, Baseline(referenceDate, count), source, now);
        return (row, WriteOutcome.Updated);
    }

    private static string Baseline(DateOnly date, int count) => $"{date:yyyy-MM-dd} {count}";

    private void Record(BudgetFigure figure, int areaId, int year, int month, Guid? contract, string? old, string value, string source, DateTimeOffset now) =>
        db.BudgetChanges.Add(BudgetChange.Record(figure, areaId, year, month, contract, old, value, tenant.Subject, source, now));
}
