namespace GonPortal.Domain.Common;

/// <summary>
/// Data owned by one tenant (a provider organisation). The data layer filters every query on it
/// and refuses writes for another tenant, so a handler that forgets a check cannot leak.
/// </summary>
public interface ITenantOwned
{
    /// <summary>Id of the owning organisation.</summary>
    Guid TenantId { get; }
}
