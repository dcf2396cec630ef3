namespace GonPortal.Domain.Common;

/// <summary>
/// Tenant-owned data that a named second party may add but never change: an onderaannemer's hour
/// report on a hoofdaanbieder's arrangement is owned by the hoofdaanbieder (who reviews it) and
/// added by the onderaannemer.
/// </summary>
public interface IAddedByParty : ITenantOwned
{
    /// <summary>The organisation that added the row.</summary>
    Guid AddedByTenantId { get; }
}
