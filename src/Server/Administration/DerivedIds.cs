using System.Security.Cryptography;
using System.Text;
using GonPortal.Server.Tenancy;

namespace GonPortal.Server.Administration;

/// <summary>
/// The id of what a create at Identity makes, derived from the caller's tenant, the method and the request_id: a
/// retry after a lost answer names the same id at Identity, which then returns what it already has instead of
/// making a second one. Organisations and people take it as their id; machine clients as their registration id.
/// </summary>
internal static class DerivedIds
{
    public static Guid For(TenantContext tenant, CallInfo call, string requestId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant.TenantId:N}/{call.Method}/{requestId}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5 style (name-based)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
