using GonPortal.Contracts.V1;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>Year parameters are versioned: every save appends version n+1 of the year, never changes one.</summary>
public sealed class YearParameterHandler(GonDbContext db, TenantContext tenant, YearParametersStore parameters, BudgetClock clock)
{
    public async Task<D.YearParameters> SaveAsync(SetYearParametersRequest request, CancellationToken ct)
    {
        var previous = D.BudgetLimits.IsYear(request.Year) ? await parameters.LatestVersionAsync(request.Year, ct) : 0;
        var version = D.YearParameters.Save(request.Year, previous, request.ProfitCapBp, request.ReferenceHourlyRateCents,
            request.PgbDeadBandBp, request.PgbCompensationShareBp, request.BasisShareTargetBp, request.InitiativeShareTargetBp,
            request.SanctionBp, request.ChangeNote, tenant.Subject, clock.Now());
        db.YearParameters.Add(version);
        await BudgetSave.SaveAsync(db, ct); // two saves of the same version number collide on the key: one is refused
        return version;
    }
}
