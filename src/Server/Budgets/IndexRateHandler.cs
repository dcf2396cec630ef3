using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>The yearly index rates (prognosis and definitive): the gemeente sets them, every budget reader reads them.</summary>
public sealed class IndexRateHandler(GonDbContext db, TenantContext tenant, BudgetChangeLog changes, BudgetClock clock)
{
    /// <summary>Sets one kind of rate of a year; the domain validates the whole request first.</summary>
    public async Task<D.IndexRate> SetAsync(int year, D.IndexKind? kind, int indexBp, string? source, CancellationToken ct)
    {
        D.IndexRate.Validate(year, kind, indexBp, source);
        var now = clock.Now();
        var rate = await db.IndexRates.FindAsync([year], ct);
        if (rate is null)
        {
            rate = D.IndexRate.Create(year, tenant.Subject, now);
            db.IndexRates.Add(rate);
        }
        var old = kind == D.IndexKind.Prognosis ? IndexValue(rate.PrognosisBp, rate.PrognosisSource) : IndexValue(rate.DefinitiveBp, rate.DefinitiveSource);
        if (rate.Set(kind!.Value, indexBp, source, tenant.Subject, now))
        {
            var figure = kind == D.IndexKind.Prognosis ? D.BudgetFigure.IndexPrognosis : D.BudgetFigure.IndexDefinitive;
            changes.Record(figure, 0, year, null, old, IndexValue(indexBp, source?.Trim() ?? ""), now);
        }
        await BudgetSave.SaveAsync(db, ct);
        return rate;
    }

    /// <summary>The rates of [yearFrom, yearTo]; 0 leaves a bound open.</summary>
    public Task<List<D.IndexRate>> ListAsync(int yearFrom, int yearTo, CancellationToken ct)
    {
        var query = db.IndexRates.AsNoTracking();
        if (yearFrom != 0)
        {
            query = query.Where(i => i.Year >= yearFrom);
        }
        if (yearTo != 0)
        {
            query = query.Where(i => i.Year <= yearTo);
        }
        return query.OrderBy(i => i.Year).ToListAsync(ct);
    }

    /// <summary>The history's value column holds at most 100 characters.</summary>
    private static string IndexValue(int? bp, string source) =>
        bp is null ? "" : (source.Length == 0 ? $"{bp}" : $"{bp} {source}") is var text && text.Length > 100 ? text[..100] : text;
}
