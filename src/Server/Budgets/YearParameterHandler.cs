using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>Year parameters are versioned: every save appends version n+1 of the year, never changes one.</summary>
public sealed class YearParameterHandler(GonDbContext db, TenantContext tenant, YearParametersStore parameters, BudgetClock clock)
{
    /// <summary><paramref name="save"/> is <c>D.YearParameters.Save</c> with the figures bound: it gets the previous version, who and when.</summary>
    public async Task<D.YearParameters> SaveAsync(int year, Func<int, string, DateTimeOffset, D.YearParameters> save, CancellationToken ct)
    {
        var previous = D.BudgetLimits.IsYear(year) ? await parameters.LatestVersionAsync(year, ct) : 0;
        var version = save(previous, tenant.Subject, clock.Now());
        db.YearParameters.Add(version);
        await BudgetSave.SaveAsync(db, ct); // two saves of the same version number collide on the key: one is refused
        return version;
    }
}
