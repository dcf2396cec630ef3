using GonPortal.HostContracts;

namespace GonPortal.Server.Tenancy;

/// <summary>
/// Who is calling, resolved once per call from the validated access token. Scoped: every
/// DbContext and service in the call reads the same instance. Unresolved means "nobody":
/// the tenant filter then matches no row, so a missing resolution fails closed.
/// </summary>
public sealed class TenantContext
{
    private readonly HashSet<Guid> _crossTenantWrites = [];

    public bool IsResolved { get; private set; }
    public Guid TenantId { get; private set; }
    public string TenantName { get; private set; } = "";
    public string Role { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string? DisplayName { get; private set; }

    /// <summary>Purpose the gemeente gave for a cross-tenant look-up (metadata "gon-purpose").</summary>
    public string? Purpose { get; private set; }

    public bool IsGemeente => IsResolved && Role == GonRoles.Gemeente;

    /// <summary>
    /// True only inside a background job (<see cref="ResolveSystem"/>): there is no caller, so no
    /// tenant. The tenant filter then matches nothing (TenantId is empty), so the job's loaders read
    /// past it explicitly; <c>GonDbContext</c> lets such a scope write rows of any tenant, because a
    /// settlement result belongs to the hoofdaanbieder it settles, not to whoever started the run.
    /// </summary>
    public bool IsSystem { get; private set; }

    /// <summary>Tenants whose rows this call may write although it is not their tenant (gemeente decisions only).</summary>
    public IReadOnlySet<Guid> CrossTenantWrites => _crossTenantWrites;

    public void Resolve(Guid tenantId, string tenantName, string role, string subject, string? displayName, string? purpose)
    {
        if (IsResolved)
        {
            throw new InvalidOperationException("The tenant is resolved once per call.");
        }
        TenantId = tenantId;
        TenantName = tenantName;
        Role = role;
        Subject = subject;
        DisplayName = displayName;
        Purpose = purpose;
        IsResolved = true;
    }

    /// <summary>
    /// The narrow system mode for background jobs (settlement runs), which have no caller and no
    /// token. Only the job runner calls it, once per job scope; <paramref name="purpose"/> names the
    /// job in logs and audit ("settlement-run 3f…").
    /// </summary>
    internal void ResolveSystem(string purpose)
    {
        if (IsResolved)
        {
            throw new InvalidOperationException("The tenant is resolved once per call.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        TenantId = Guid.Empty;
        TenantName = "system";
        Role = "system";
        Subject = "system";
        Purpose = purpose;
        IsSystem = true;
        IsResolved = true;
    }

    /// <summary>Called only by <see cref="CrossTenantAccess"/> (gemeente) and <see cref="PartyAccess"/> (WIJ and hoofdaanbieder as a party), which check the role and audit.</summary>
    internal void GrantCrossTenantWrite(Guid ownerTenantId) => _crossTenantWrites.Add(ownerTenantId);
}
