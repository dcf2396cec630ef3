using System.Security.Cryptography;
using System.Text;

namespace GonPortal.Server.Audit;

/// <summary>
/// Which chain an entry joins: its UTC day and a small bucket derived from the caller's organisation, so
/// organisations writing at the same moment mostly lock different head rows, and a day can be dropped whole
/// when it passes retention without touching the chains that remain.
/// </summary>
public static class AuditPartitions
{
    public const int Buckets = 4;

    /// <summary>The head row counting the entries recorded before the hash chain existed.</summary>
    public const string Legacy = "legacy";

    public static string For(DateTimeOffset occurredAt, Guid actorTenantId) =>
        $"{DateOnly.FromDateTime(occurredAt.UtcDateTime):yyyy-MM-dd}/{Bucket(actorTenantId)}";

    public static DateOnly DayOf(string partition) =>
        DateOnly.ParseExact(partition[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The hash a partition's first entry chains to: bound to the partition, so entries cannot move between chains.</summary>
    public static string Genesis(string partition) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("gon-audit-genesis|" + partition)));

    private static int Bucket(Guid tenantId) => tenantId.ToByteArray()[0] % Buckets;
}
