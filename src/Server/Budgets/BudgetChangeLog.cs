using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>
/// Appends a <see cref="D.BudgetChange"/> (old → new, who, source RPC) to the context, so the caller's
/// single SaveChanges stores a figure and its history together.
/// </summary>
public sealed class BudgetChangeLog(GonDbContext db, TenantContext tenant, CallInfo call)
{
    public void Record(D.BudgetFigure figure, int areaId, int year, Guid? contract, string? old, string value, DateTimeOffset now) =>
        db.BudgetChanges.Add(D.BudgetChange.Record(figure, areaId, year, 0, contract, old == "" ? null : old, value, tenant.Subject, CallName(), now));

    /// <summary>The RPC name ("SetBaseLumpsum") from the served method, for the change history.</summary>
    private string CallName() => call.Method.Split('/').Last();
}
