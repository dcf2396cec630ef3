using GonPortal.Server.Tenancy;

namespace GonPortal.Server.Audit;

/// <summary>One audit entry for the current caller and call: who, what, when and why.</summary>
internal static class AuditRecord
{
    public static AuditEntry For(TenantContext tenant, CallInfo call, DateTimeOffset at, string resource, string access, Guid? clientId = null) => new()
    {
        Id = Guid.NewGuid(),
        OccurredAt = at,
        ActorSubject = tenant.Subject,
        ActorName = tenant.DisplayName,
        ActorTenantId = tenant.TenantId,
        ActorOrganisationName = string.IsNullOrEmpty(tenant.TenantName) ? null : tenant.TenantName,
        ActorRole = tenant.Role,
        Method = call.Method,
        Resource = resource,
        Access = access,
        Purpose = tenant.Purpose,
        ClientId = clientId,
    };
}
