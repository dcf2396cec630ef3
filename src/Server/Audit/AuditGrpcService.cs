using GonPortal.Contracts.V1;
using GonPortal.Domain.Validation;
using GonPortal.Server.Data;
using GonPortal.Server.Grpc;
using GonPortal.Server.Paging;
using GonPortal.HostContracts;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.Audit;

/// <summary>The audit trail of cross-tenant access; readable by the gemeente only.</summary>
[Authorize(Roles = GonRoles.Gemeente)]
public sealed class AuditGrpcService(GonDbContext db) : AuditService.AuditServiceBase
{
    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        Text.Optional(v, "actor_subject", request.ActorSubject, 200);
        v.ThrowIfAny();

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(request.ActorSubject))
        {
            query = query.Where(a => a.ActorSubject == request.ActorSubject);
        }
        var (items, next) = await page.ApplyAsync(query.OrderByDescending(a => a.OccurredAt).ThenBy(a => a.Id), (q, ct) => q.ToListAsync(ct), context.CancellationToken);
        var response = new ListAuditEntriesResponse { NextPageToken = next };
        response.Entries.AddRange(items.Select(a => new V1.AuditEntry
        {
            Id = a.Id.ToString(),
            OccurredAt = ProtoConvert.ToProto(a.OccurredAt),
            ActorSubject = a.ActorSubject,
            ActorName = a.ActorName ?? "",
            ActorOrganisationId = a.ActorTenantId.ToString(),
            ActorRole = ProtoConvert.ToProtoRole(a.ActorRole),
            Method = a.Method,
            Resource = a.Resource,
            Access = a.Access,
            Purpose = a.Purpose ?? "",
        }));
        return response;
    }
}
