using System.Security.Cryptography;
using GonPortal.Domain.Validation;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Idempotency;

/// <summary>
/// Makes Create RPCs idempotent per caller tenant: the same request_id returns the first result,
/// the same request_id with other content is refused, and a concurrent duplicate loses on the
/// unique index and then returns the winner's result.
/// </summary>
public sealed class IdempotentRequests(GonDbContext db, TenantContext tenant, CallInfo call, TimeProvider clock)
{
    /// <summary>
    /// Runs <paramref name="create"/> once per request_id. <paramref name="create"/> adds the entity to the
    /// context (without saving) and returns its id; <paramref name="load"/> reads a stored result.
    /// </summary>
    public async Task<TResult> CreateOnceAsync<TResult>(IMessage request, string requestId,
        Func<Task<Guid>> create, Func<Guid, Task<TResult>> load, CancellationToken ct)
    {
        var fingerprint = Fingerprint(request);
        var existing = await FindAsync(requestId, ct);
        if (existing is not null)
        {
            return await Replay(existing, fingerprint, load);
        }

        var id = await create();
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Id = Guid.NewGuid(),
            TenantId = tenant.TenantId,
            Method = call.Method,
            RequestId = requestId,
            Fingerprint = fingerprint,
            ResourceId = id,
            CreatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race with the same request_id: forget our copy and answer with the winner's.
            db.ChangeTracker.Clear();
            existing = await FindAsync(requestId, ct);
            if (existing is null)
            {
                throw;
            }
            return await Replay(existing, fingerprint, load);
        }
        return await load(id);
    }

    private Task<IdempotencyRecord?> FindAsync(string requestId, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Method == call.Method && r.RequestId == requestId, ct);

    private static async Task<TResult> Replay<TResult>(IdempotencyRecord existing, string fingerprint, Func<Guid, Task<TResult>> load)
    {
        if (existing.Fingerprint != fingerprint)
        {
            new Violations().Add("request_id", "was already used for a different request").ThrowIfAny();
        }
        return await load(existing.ResourceId);
    }

    /// <summary>Hash of the request's canonical bytes; protobuf C# serialises fields in field order, so equal messages hash equal.</summary>
    private static string Fingerprint(IMessage request) => Convert.ToHexString(SHA256.HashData(request.ToByteArray()));
}
