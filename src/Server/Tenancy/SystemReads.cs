using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Tenancy;

/// <summary>
/// Gate for background jobs (settlement runs, demo seeding): a scope in system mode
/// (<see cref="TenantContext.IsSystem"/>) has no caller and so no tenant, and reads every tenant's rows
/// through here. Refuses any scope that is not in system mode, so a caller's request can never take it.
/// Only the tenant filter is dropped; other filters stay.
/// </summary>
public sealed class SystemReads(GonDbContext db, TenantContext tenant)
{
    public IQueryable<T> Set<T>() where T : class
    {
        if (!tenant.IsSystem)
        {
            throw new InvalidOperationException("Unfiltered system reads are for background jobs in system mode only.");
        }
        return db.Set<T>().IgnoreQueryFilters([TenantFilter.Name]);
    }
}
