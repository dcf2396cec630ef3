using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GonPortal.Server.Audit;

/// <summary>
/// The canonical content of an entry and its chained SHA-256. The content is a JSON array of every field in a
/// fixed order (JSON so no separator inside a value can make two entries read alike); the time has millisecond
/// precision, which every provider stores exactly (SQLite's ticks column keeps 0.1 ms, PostgreSQL 1 µs).
/// </summary>
public static class AuditHash
{
    public static string Compute(AuditEntry e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))));

    public static string Canonical(AuditEntry e) => JsonSerializer.Serialize(new string?[]
    {
        "v1",
        e.Id.ToString("D"),
        e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        e.ActorSubject,
        e.ActorName,
        e.ActorTenantId.ToString("D"),
        e.ActorOrganisationName,
        e.ActorRole,
        e.Method,
        e.Resource,
        e.Access,
        e.Purpose,
        e.ClientId?.ToString("D"),
        e.Partition,
        e.Sequence?.ToString(CultureInfo.InvariantCulture),
        e.PreviousHash,
    });

    /// <summary>The stored value must hash as the written one, so the time is cut to what every provider keeps.</summary>
    public static DateTimeOffset ToMilliseconds(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }
}
