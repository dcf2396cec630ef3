using GonPortal.Contracts.V1;
using GonPortal.Domain.Common;
using GonPortal.Domain.Validation;
using GonPortal.Server.Audit;
using GonPortal.Server.Clients;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Grpc;
using GonPortal.Server.Hours;
using GonPortal.Server.Paging;
using GonPortal.Server.Subcontracts;
using GonPortal.Server.Tenancy;
using GonPortal.HostContracts;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using DomainEntry = GonPortal.Domain.Hours.HourEntry;
using DomainStatus = GonPortal.Domain.Hours.HourEntryStatus;

namespace GonPortal.Server.Hours;

/// <summary>
/// Hour reporting by onderaannemers and by the hoofdaanbieder's own staff, and the hoofdaanbieder's
/// review. Judging is the domain's (<see cref="Domain.Hours.HourEntryBatch"/>); this class moves
/// entries in and out and keeps the streaming import's memory flat by working in chunks.
/// </summary>
[Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Onderaannemer},{GonRoles.Gemeente}")]
public sealed class HourGrpcService(GonDbContext db, TenantContext tenant, CrossTenantAccess crossTenant, HourEntryWriter writer, TimeProvider clock,
    HourFilterReviewHandler filterReview, HourApprovalUndoHandler approvalUndo, SubcontractRateCheck rates, ClientAccessLog log)
    : HourService.HourServiceBase
{
    public const int MaxBatch = 1_000;
    /// <summary>
    /// Entries judged and stored together by <see cref="ImportHourEntries"/>: each chunk costs a fixed set of round trips
    /// (facts, COPY, audit chain, commit), so larger chunks are cheaper per entry, but four streams of 5,000 lifted the Server's
    /// peak to 288 MiB against the 300 MB goal; 1,000 keeps it at 255 MiB and still imports 25,000 entries/s into 5 million
    /// (docs/benchmarks.md, issue 15.2).
    /// </summary>
    public const int ImportChunk = 1_000;

    /// <summary>
    /// <see cref="ImportHourEntriesWithResults"/> acknowledges every chunk, and its contract promises chunks of at most 1,000
    /// entries (hour.proto), so a client waits for no more than that before it knows what was stored.
    /// </summary>
    public const int AcknowledgedChunk = 1_000;
    public const int MaxImport = 1_000_000;

    /// <summary>Both import streams stop here: what came before was judged and the valid entries stored.</summary>
    private static RpcException ImportTooLarge() => ErrorStatus.Build(StatusCode.ResourceExhausted, ErrorReasons.ImportTooLarge,
        $"An import stream holds at most {MaxImport} entries; the first {MaxImport} were judged and the valid ones stored.",
        new Dictionary<string, string> { ["max"] = $"{MaxImport}" });

    [Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Onderaannemer}")]
    public override async Task<BatchCreateHourEntriesResponse> BatchCreateHourEntries(BatchCreateHourEntriesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Check(request.Entries.Count is < 1 or > MaxBatch, "entries", $"must hold 1-{MaxBatch} entries");
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var result = await writer.WriteAsync(request.Entries.Select(HourMapping.ToDomain).ToList(), 0, allOrNothing: true, ct);
        var rejected = result.Outcomes.Where(o => o.IsRejected).ToList();
        if (rejected.Count > 0)
        {
            var details = new HourEntryRejections();
            details.Rejections.AddRange(rejected.Select(o => HourMapping.ToProto(o, request.Entries[o.Index].EntryKey)));
            throw ErrorStatus.Build(StatusCode.InvalidArgument, ErrorReasons.HourEntriesRejected,
                $"{rejected.Count} of {request.Entries.Count} entries were rejected; nothing was stored.",
                new Dictionary<string, string> { ["rejected_count"] = $"{rejected.Count}", ["total_count"] = $"{request.Entries.Count}" }, details);
        }
        var ids = result.EntryIds.Select(id => id!.Value).ToList();
        var entries = await db.HourEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var response = new BatchCreateHourEntriesResponse
        {
            CreatedCount = result.Outcomes.Count(o => o.Kind == Domain.Hours.HourEntryOutcomeKind.Created),
            ExistingCount = result.Outcomes.Count(o => o.Kind == Domain.Hours.HourEntryOutcomeKind.Existing),
        };
        response.HourEntries.AddRange(await ToProto(ids.Distinct().Select(id => entries[id]).ToList(), ct));
        return response;
    }

    [Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Onderaannemer}")]
    [JudgedPerMessage]
    public override async Task<ImportHourEntriesResponse> ImportHourEntries(IAsyncStreamReader<ImportHourEntriesRequest> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var response = new ImportHourEntriesResponse();
        var chunk = new List<Domain.Hours.HourEntryInput>(ImportChunk);
        var keys = new List<string>(ImportChunk);
        async Task Flush()
        {
            // A cancelled call (the client went away) stores no further chunk; a re-send recognises what was stored.
            ct.ThrowIfCancellationRequested();
            var result = await writer.WriteAsync(chunk, response.ReceivedCount - chunk.Count, allOrNothing: false, ct);
            Telemetry.ServerMetrics.Imported(result.Outcomes);
            foreach (var outcome in result.Outcomes)
            {
                switch (outcome.Kind)
                {
                    case Domain.Hours.HourEntryOutcomeKind.Created: response.CreatedCount++; break;
                    case Domain.Hours.HourEntryOutcomeKind.Existing: response.ExistingCount++; break;
                    default:
                        response.RejectedCount++;
                        response.Rejections.Add(HourMapping.ToProto(outcome, keys[outcome.Index - (response.ReceivedCount - chunk.Count)]));
                        break;
                }
            }
            chunk.Clear();
            keys.Clear();
        }
        while (await requestStream.MoveNext(ct))
        {
            if (response.ReceivedCount >= MaxImport)
            {
                await Flush();
                throw ImportTooLarge();
            }
            var (input, key) = HourMapping.ToDomain(requestStream.Current);
            chunk.Add(input);
            keys.Add(key);
            response.ReceivedCount++;
            if (chunk.Count == ImportChunk)
            {
                await Flush();
            }
        }
        if (chunk.Count > 0)
        {
            await Flush();
        }
        return response;
    }

    public override async Task<GetHourEntryResponse> GetHourEntry(GetHourEntryRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var id = ProtoConvert.ToId(v, "hour_entry_id", request.HourEntryId);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var source = await Visible($"HourEntry {id}", ct);
        var entry = await source.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Hour entry");
        await log.ReadAsync(HourEntryAudit.Resource, [entry.ClientId], ct);
        return new GetHourEntryResponse { HourEntry = (await ToProto([entry], ct))[0] };
    }

    public override async Task<ListHourEntriesResponse> ListHourEntries(ListHourEntriesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var (order, page) = HourEntryListOrder.Entries.Parse(v, request.OrderBy, request.PageSize, request.PageToken);
        var ct = context.CancellationToken;
        var query = await ListQueryAsync(v, request, order, ct);
        var (items, next) = await page.ApplyAsync(query, (q, t) => q.ToListAsync(t), ct);
        await log.ReadAsync(HourEntryAudit.Resource, items.Select(e => e.ClientId), ct);
        var response = new ListHourEntriesResponse { NextPageToken = next };
        if (request.IncludeTotalCount)
        {
            response.TotalCount = await query.CountAsync(ct);
        }
        response.HourEntries.AddRange(await ToProto(items, ct));
        return response;
    }

    /// <summary>
    /// ListHourEntries' filters over what the caller may see, in the list's order, untracked; validated into
    /// <paramref name="v"/> ahead of any read. The table export (Exports/ExportRequestMapping) reads the same set in chunks.
    /// </summary>
    internal async Task<IQueryable<DomainEntry>> ListQueryAsync(Violations v, ListHourEntriesRequest request, OrderBy? order, CancellationToken ct)
    {
        var arrangement = ProtoConvert.ToId(v, "arrangement_id", request.ArrangementId, required: false);
        var client = ProtoConvert.ToId(v, "client_id", request.ClientId, required: false);
        var reporter = ProtoConvert.ToId(v, "reported_by_provider_id", request.ReportedByProviderId, required: false);
        var subcontract = ProtoConvert.ToId(v, "subcontract_id", request.SubcontractId, required: false);
        AreaIdRules.Filter(v, request.AreaId);
        var from = ProtoConvert.ToDate(v, "service_date_from", request.ServiceDateFrom);
        var to = ProtoConvert.ToDate(v, "service_date_to", request.ServiceDateTo);
        if (from is not null && to is not null && to < from)
        {
            v.Add("service_date_to", "must not be before service_date_from");
        }
        Text.Optional(v, "entry_key", request.EntryKey, 100);
        v.ThrowIfAny();

        var query = (await Visible("HourEntry list", ct)).AsNoTracking();
        if (request.Status != Contracts.V1.HourEntryStatus.Unspecified)
        {
            var status = (DomainStatus)(int)request.Status;
            query = query.Where(e => e.Status == status);
        }
        if (arrangement is not null) query = query.Where(e => e.ArrangementId == arrangement);
        if (client is not null) query = query.Where(e => e.ClientId == client);
        if (reporter is not null) query = query.Where(e => e.ReportedByProviderId == reporter);
        if (subcontract is not null) query = query.Where(e => e.SubcontractId == subcontract);
        if (request.AreaId != 0) query = query.Where(e => e.AreaId == request.AreaId);
        if (ProtoConvert.ToDomain(request.Product) is { } product) query = query.Where(e => e.Product == product);
        if (from is not null) query = query.Where(e => e.ServiceDate >= from);
        if (to is not null) query = query.Where(e => e.ServiceDate <= to);
        if (!string.IsNullOrEmpty(request.EntryKey)) query = query.Where(e => e.EntryKey == request.EntryKey);
        return HourEntryListOrder.Entries.Apply(query, order, ListSources.Alongside(crossTenant, db));
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<ApproveHourEntriesResponse> ApproveHourEntries(ApproveHourEntriesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        Text.Optional(v, "note", request.Note, 1000);
        var entries = await LoadOwnForReview(v, request.HourEntryIds, context.CancellationToken);
        // Rules 1.1 §3: no approval without a subcontract rate in force on the service date.
        await rates.RequireRatesAsync(entries, context.CancellationToken);
        var now = clock.GetUtcNow();
        foreach (var entry in entries.Where(e => e.Status != DomainStatus.Approved))
        {
            entry.Approve(tenant.Subject, request.Note, now);
        }
        log.Wrote(HourEntryAudit.Resource, entries.Select(e => e.ClientId));
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ApproveHourEntriesResponse();
        response.HourEntries.AddRange(await ToProto(entries, context.CancellationToken));
        return response;
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<RejectHourEntriesResponse> RejectHourEntries(RejectHourEntriesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        Text.Required(v, "reason", request.Reason, 3, 1000);
        var entries = await LoadOwnForReview(v, request.HourEntryIds, context.CancellationToken);
        var now = clock.GetUtcNow();
        foreach (var entry in entries.Where(e => e.Status != DomainStatus.Rejected))
        {
            entry.Reject(tenant.Subject, request.Reason, now);
        }
        log.Wrote(HourEntryAudit.Resource, entries.Select(e => e.ClientId));
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new RejectHourEntriesResponse();
        response.HourEntries.AddRange(await ToProto(entries, context.CancellationToken));
        return response;
    }

    [Authorize(Roles = $"{GonRoles.Hoofdaanbieder},{GonRoles.Onderaannemer}")]
    [JudgedPerMessage]
    public override async Task ImportHourEntriesWithResults(IAsyncStreamReader<ImportHourEntriesRequest> requestStream,
        IServerStreamWriter<ImportHourEntriesResult> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var totals = new ImportHourEntriesResponse();
        var chunk = new List<Domain.Hours.HourEntryInput>(AcknowledgedChunk);
        var keys = new List<string>(AcknowledgedChunk);
        async Task Flush()
        {
            ct.ThrowIfCancellationRequested();
            var first = totals.ReceivedCount - chunk.Count;
            var result = await writer.WriteAsync(chunk, first, allOrNothing: false, ct);
            Telemetry.ServerMetrics.Imported(result.Outcomes);
            var message = new ImportHourEntriesChunk();
            for (var i = 0; i < result.Outcomes.Count; i++)
            {
                var outcome = result.Outcomes[i];
                if (outcome.IsRejected)
                {
                    totals.RejectedCount++;
                    message.Rejections.Add(HourMapping.ToProto(outcome, keys[i]));
                    continue;
                }
                var existing = outcome.Kind == Domain.Hours.HourEntryOutcomeKind.Existing;
                if (existing) totals.ExistingCount++; else totals.CreatedCount++;
                message.Accepted.Add(new ImportedHourEntry { Index = outcome.Index, EntryKey = keys[i], HourEntryId = result.EntryIds[i]!.Value.ToString(), Existing = existing });
            }
            chunk.Clear();
            keys.Clear();
            await responseStream.WriteAsync(new ImportHourEntriesResult { Chunk = message }, ct);
        }
        while (await requestStream.MoveNext(ct))
        {
            if (totals.ReceivedCount >= MaxImport)
            {
                await Flush();
                throw ImportTooLarge();
            }
            var (input, key) = HourMapping.ToDomain(requestStream.Current);
            chunk.Add(input);
            keys.Add(key);
            totals.ReceivedCount++;
            if (chunk.Count == AcknowledgedChunk)
            {
                await Flush();
            }
        }
        if (chunk.Count > 0)
        {
            await Flush();
        }
        await responseStream.WriteAsync(new ImportHourEntriesResult { Summary = totals }, ct);
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<ReviewHourEntriesByFilterResponse> ApproveHourEntriesByFilter(ApproveHourEntriesByFilterRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var selection = HourMapping.ToSelection(v, request.Filter);
        Text.Required(v, "request_id", request.RequestId, 1, 100);
        v.Check(request.ExpectedCount is < 1 or > MaxImport, "expected_count", $"must be 1-{MaxImport}");
        Text.Optional(v, "note", request.Note, 1000);
        v.ThrowIfAny();
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var changed = await filterReview.ReviewAsync(request, request.RequestId, selection!, request.ExpectedCount, DomainStatus.Approved, note, context.CancellationToken);
        return new ReviewHourEntriesByFilterResponse { ChangedCount = changed };
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<ReviewHourEntriesByFilterResponse> RejectHourEntriesByFilter(RejectHourEntriesByFilterRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var selection = HourMapping.ToSelection(v, request.Filter);
        Text.Required(v, "request_id", request.RequestId, 1, 100);
        v.Check(request.ExpectedCount is < 1 or > MaxImport, "expected_count", $"must be 1-{MaxImport}");
        Text.Required(v, "reason", request.Reason, 3, 1000);
        v.ThrowIfAny();
        var changed = await filterReview.ReviewAsync(request, request.RequestId, selection!, request.ExpectedCount, DomainStatus.Rejected, request.Reason.Trim(), context.CancellationToken);
        return new ReviewHourEntriesByFilterResponse { ChangedCount = changed };
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<UndoHourEntryApprovalsResponse> UndoHourEntryApprovals(UndoHourEntryApprovalsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var ids = ParseIds(v, request.HourEntryIds);
        v.ThrowIfAny();
        var entries = await approvalUndo.UndoAsync(ids, context.CancellationToken);
        var response = new UndoHourEntryApprovalsResponse();
        response.HourEntries.AddRange(await ToProto(entries, context.CancellationToken));
        return response;
    }

    /// <summary>Only entries on the caller's own arrangements; a missing or foreign id fails the whole call.</summary>
    private async Task<List<DomainEntry>> LoadOwnForReview(Violations v, IReadOnlyList<string> rawIds, CancellationToken ct)
    {
        var ids = ParseIds(v, rawIds);
        v.ThrowIfAny();
        var entries = await db.HourEntries.Where(e => ids.Contains(e.Id) && e.TenantId == tenant.TenantId).ToListAsync(ct);
        if (entries.Count != ids.Count)
        {
            throw new NotFoundException("Hour entry");
        }
        return ids.Select(id => entries.Single(e => e.Id == id)).ToList();
    }

    private static List<Guid> ParseIds(Violations v, IReadOnlyList<string> rawIds)
    {
        v.Check(rawIds.Count is < 1 or > MaxBatch, "hour_entry_ids", $"must hold 1-{MaxBatch} ids");
        var ids = new List<Guid>();
        for (var i = 0; i < rawIds.Count; i++)
        {
            if (ProtoConvert.ToId(v, $"hour_entry_ids[{i}]", rawIds[i]) is { } id)
            {
                ids.Add(id);
            }
        }
        return ids.Distinct().ToList();
    }

    private Task<IQueryable<DomainEntry>> Visible(string resource, CancellationToken ct) =>
        crossTenant.VisibleAsync<DomainEntry>(resource, ct);

    private async Task<List<Contracts.V1.HourEntry>> ToProto(IReadOnlyList<DomainEntry> entries, CancellationToken ct)
    {
        var names = await db.ProviderNamesAsync(entries.Select(e => e.ReportedByProviderId), ct);
        var ids = entries.Select(e => e.Id).ToList();
        // The gemeente's read was audited by Visible; others see reversals through their own filter.
        var source = crossTenant.AlongsideRead<DomainEntry>();
        var reversals = await source.AsNoTracking()
            .Where(e => e.ReversesEntryId != null && ids.Contains(e.ReversesEntryId.Value) && e.Status != DomainStatus.Rejected)
            .Select(e => new { Reversed = e.ReversesEntryId!.Value, e.Id }).ToListAsync(ct);
        var reversedBy = reversals.GroupBy(r => r.Reversed).ToDictionary(g => g.Key, g => g.First().Id);
        var clients = await crossTenant.ClientNamesAsync(entries.Select(e => e.ClientId), ct);
        return entries.Select(e => HourMapping.ToProto(e, names, reversedBy.TryGetValue(e.Id, out var r) ? r : null, clients.GetValueOrDefault(e.ClientId, ""))).ToList();
    }
}
