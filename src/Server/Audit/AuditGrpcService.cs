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

/// <summary>
/// The audit trail: the gemeente lists and verifies it; the gemeente and a hoofdaanbieder (for its own clients)
/// produce one client's access report (<see cref="ClientAccessReport"/>).
/// </summary>
[Authorize(Roles = $"{GonRoles.Gemeente},{GonRoles.Hoofdaanbieder}")]
public sealed class AuditGrpcService(GonDbContext db, AuditChainVerifier verifier, ClientAccessReport report) : AuditService.AuditServiceBase
{
    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var (order, page) = AuditListOrder.Entries.Parse(v, request.OrderBy, request.PageSize, request.PageToken);
        var (items, next) = await page.ApplyAsync(ListQuery(v, request, order), (q, ct) => q.ToListAsync(ct), context.CancellationToken);
        var response = new ListAuditEntriesResponse { NextPageToken = next };
        response.Entries.AddRange(items.Select(ToProto));
        return response;
    }

    /// <summary>
    /// ListAuditEntries' filter in the list's order, untracked; validated into <paramref name="v"/> (thrown with what
    /// the caller added before) ahead of any read. The audit trail has no tenant filter (it is the gemeente's alone, by
    /// role), so no cross-tenant read is taken or recorded. The table export (Exports/ExportRequestMapping) reads the
    /// same set in chunks.
    /// </summary>
    internal IQueryable<AuditEntry> ListQuery(Violations v, ListAuditEntriesRequest request, OrderBy? order)
    {
        Text.Optional(v, "actor_subject", request.ActorSubject, 200);
        v.ThrowIfAny();

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(request.ActorSubject))
        {
            query = query.Where(a => a.ActorSubject == request.ActorSubject);
        }
        return AuditListOrder.Entries.Apply(query, order);
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<VerifyAuditTrailResponse> VerifyAuditTrail(VerifyAuditTrailRequest request, ServerCallContext context)
    {
        var result = await verifier.VerifyAsync(context.CancellationToken);
        var response = new VerifyAuditTrailResponse
        {
            Intact = result.Intact,
            EntriesChecked = result.EntriesChecked,
            PartitionsChecked = result.PartitionsChecked,
            LegacyEntries = result.LegacyEntries,
        };
        if (result.FirstBreak is { } b)
        {
            response.FirstBreak = new V1.AuditChainBreak { Partition = b.Partition, Position = b.Position, EntryId = b.EntryId?.ToString() ?? "", Reason = b.Reason };
        }
        return response;
    }

    public override async Task<ListClientAccessResponse> ListClientAccess(ListClientAccessRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var (order, page) = AuditListOrder.ClientAccess.Parse(v, request.OrderBy, request.PageSize, request.PageToken);
        var clientId = ProtoConvert.ToId(v, "client_id", request.ClientId);
        v.ThrowIfAny();
        var query = await report.ForAsync(clientId!.Value, context.CancellationToken);
        var (items, next) = await page.ApplyAsync(AuditListOrder.ClientAccess.Apply(query, order), (q, ct) => q.ToListAsync(ct), context.CancellationToken);
        var response = new ListClientAccessResponse { NextPageToken = next };
        response.Entries.AddRange(items.Select(ToProto));
        return response;
    }

    private static V1.AuditEntry ToProto(AuditEntry a) => new()
    {
        Id = a.Id.ToString(),
        OccurredAt = ProtoConvert.ToProto(a.OccurredAt),
        ActorSubject = a.ActorSubject,
        ActorName = a.ActorName ?? "",
        ActorOrganisationId = a.ActorTenantId.ToString(),
        ActorOrganisationName = a.ActorOrganisationName ?? "",
        ActorRole = ProtoConvert.ToProtoRole(a.ActorRole),
        Method = a.Method,
        Resource = a.Resource,
        Access = a.Access,
        Purpose = a.Purpose ?? "",
        ClientId = a.ClientId?.ToString() ?? "",
    };
}
