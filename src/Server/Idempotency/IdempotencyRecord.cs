using GonPortal.Domain.Common;

namespace GonPortal.Server.Idempotency;

/// <summary>
/// Remembers which resource a Create with a given request_id produced, per caller tenant and
/// method, with a fingerprint of the request so a reused key with other content is refused.
/// Stored in the same transaction as the resource it points to.
/// </summary>
public sealed class IdempotencyRecord : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string Method { get; set; } = "";
    public string RequestId { get; set; } = "";
    public string Fingerprint { get; set; } = "";
    public Guid ResourceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
