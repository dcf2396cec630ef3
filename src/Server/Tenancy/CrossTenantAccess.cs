using GonPortal.Server.Audit;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.HostContracts;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Tenancy;

/// <summary>
/// The one path across tenants: only the gemeente may take it, it drops only the tenant filter
/// (never other filters), and every use is recorded in the audit trail before data is returned.
/// </summary>
public sealed class CrossTenantAccess(GonDbContext db, TenantContext tenant, CallInfo call, TimeProvider clock, AuditGroupCommit groupCommit)
{
    private bool _readThisCall;

    /// <summary>Records the read, then returns an unfiltered query. Materialise it within this call.</summary>
    public async Task<IQueryable<T>> ReadAsync<T>(string resource, CancellationToken ct) where T : class
    {
        RequireGemeente();
        // Saved with other calls' reads unless this call has its own unsaved changes or transaction (see ClientAccessLog).
        if (db.Database.CurrentTransaction is null && !db.ChangeTracker.HasChanges())
        {
            await groupCommit.SaveAsync([Entry(resource, "read")]).WaitAsync(ct);
        }
        else
        {
            db.AuditEntries.Add(Entry(resource, "read"));
            await db.SaveChangesAsync(ct);
        }
        _readThisCall = true;
        return db.Set<T>().IgnoreQueryFilters([TenantFilter.Name]);
    }

    /// <summary>
    /// The caller's view of <typeparamref name="T"/>: for the gemeente an audited unfiltered read
    /// (<see cref="ReadAsync{T}"/>), for everyone else the tenant filter.
    /// </summary>
    public async Task<IQueryable<T>> VisibleAsync<T>(string resource, CancellationToken ct) where T : class =>
        tenant.IsGemeente ? await ReadAsync<T>(resource, ct) : db.Set<T>();

    /// <summary>
    /// Another set read in the same call as an audited read (the entries behind audited arrangements,
    /// say): the gemeente's view is unfiltered without a second audit entry. Before any audited read in
    /// this call it stays filtered, which for the gemeente matches nothing (fails closed); everyone else
    /// reads through the tenant filter.
    /// </summary>
    public IQueryable<T> AlongsideRead<T>() where T : class =>
        tenant.IsGemeente && _readThisCall ? db.Set<T>().IgnoreQueryFilters([TenantFilter.Name]) : db.Set<T>();

    /// <summary>
    /// Lets this call write rows owned by <paramref name="ownerTenantId"/> (a gemeente decision such as
    /// consent). The audit entry is saved with the write itself, in the same SaveChanges.
    /// </summary>
    public void AllowWrite(Guid ownerTenantId, string resource)
    {
        RequireGemeente();
        tenant.GrantCrossTenantWrite(ownerTenantId);
        db.AuditEntries.Add(Entry(resource, "write"));
    }

    private void RequireGemeente()
    {
        if (!tenant.IsGemeente)
        {
            throw new PermissionDeniedException("Only the gemeente may access data across tenants.");
        }
    }

    private AuditEntry Entry(string resource, string access) => AuditRecord.For(tenant, call, clock.GetUtcNow(), resource, access);
}
