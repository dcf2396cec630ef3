using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;

namespace GonPortal.Server.Audit;

/// <summary>
/// The one way a handler records that a caller saw or changed a client's personal data (NEN 7513): who (subject,
/// name, organisation, role, from the call's <see cref="TenantContext"/>), when, which client (its id, never the
/// BSN), what (the RPC and a resource noun, read or write) and the purpose from "gon-purpose" when one was sent.
/// One entry per client and call: the access report of one client is then a plain indexed look-up, and a list
/// shows a person at most a page (500) of clients per call, so the trail grows by what was actually shown.
/// Every role records here; the gemeente's cross-tenant entry from <see cref="CrossTenantAccess"/> comes on top.
/// </summary>
public sealed class ClientAccessLog(GonDbContext db, TenantContext tenant, CallInfo call, TimeProvider clock, AuditGroupCommit groupCommit)
{
    public const string Read = "read";
    public const string Write = "write";

    /// <summary>
    /// Records that the caller is about to be shown these clients' data, and saves it before the answer leaves.
    /// Call it with the ids actually returned (after paging), not with what the query could reach.
    /// </summary>
    public async Task ReadAsync(string resource, IEnumerable<Guid> clientIds, CancellationToken ct)
    {
        // A plain read saves its entries with other calls' (AuditGroupCommit); a call with its own unsaved changes or
        // an open transaction keeps them in its own SaveChanges, as the entries must then share its fate and its lock.
        if (db.Database.CurrentTransaction is null && !db.ChangeTracker.HasChanges())
        {
            if (Entries(resource, Read, clientIds) is { Count: > 0 } entries)
            {
                await groupCommit.SaveAsync(entries).WaitAsync(ct);
            }
            return;
        }
        if (Add(resource, Read, clientIds))
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Records a change of these clients' data; saved in the same SaveChanges as the change itself.</summary>
    public void Wrote(string resource, IEnumerable<Guid> clientIds) => Add(resource, Write, clientIds);

    /// <inheritdoc cref="Wrote(string, IEnumerable{Guid})"/>
    public void Wrote(string resource, Guid clientId) => Add(resource, Write, [clientId]);

    private bool Add(string resource, string access, IEnumerable<Guid> clientIds)
    {
        var entries = Entries(resource, access, clientIds);
        db.AuditEntries.AddRange(entries);
        return entries.Count > 0;
    }

    private List<AuditEntry> Entries(string resource, string access, IEnumerable<Guid> clientIds)
    {
        if (!tenant.IsResolved || tenant.IsSystem)
        {
            return []; // jobs have no caller; they are not an access by a person or an organisation's system
        }
        var at = clock.GetUtcNow();
        return clientIds.Where(id => id != Guid.Empty).Distinct().Select(id => AuditRecord.For(tenant, call, at, resource, access, id)).ToList();
    }
}
