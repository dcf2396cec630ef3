using GonPortal.HostContracts;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using DomainClient = GonPortal.Domain.Clients.Client;

namespace GonPortal.Server.Audit;

/// <summary>
/// The AVG access request (inzageverzoek): everything the trail records about one client, for the gemeente (any
/// client, through an audited cross-tenant read) or the hoofdaanbieder responsible for the client. Any other
/// caller, or a client it does not serve, gets NOT_FOUND. Producing the report is itself recorded as a read.
/// </summary>
public sealed class ClientAccessReport(GonDbContext db, TenantContext tenant, CrossTenantAccess crossTenant, ClientAccessLog log)
{
    public const string Resource = "ClientAccessReport";

    /// <summary>Checks the caller may have the client's report, records that it does, and returns the client's entries (unordered: the list orders them).</summary>
    public async Task<IQueryable<AuditEntry>> ForAsync(Guid clientId, CancellationToken ct)
    {
        var exists = tenant.IsGemeente
            ? await (await crossTenant.ReadAsync<DomainClient>($"Client {clientId} access report", ct)).AnyAsync(c => c.Id == clientId, ct)
            : tenant.Role == GonRoles.Hoofdaanbieder && await db.Clients.AnyAsync(c => c.Id == clientId && c.TenantId == tenant.TenantId, ct);
        if (!exists)
        {
            throw new NotFoundException("Client");
        }
        await log.ReadAsync(Resource, [clientId], ct);
        return db.AuditEntries.AsNoTracking().Where(e => e.ClientId == clientId);
    }
}
