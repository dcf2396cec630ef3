using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Data;

/// <summary>Display names for provider ids on the wire; the register is public, so no tenant filter applies.</summary>
public static class ProviderNames
{
    public static async Task<Dictionary<Guid, string>> ProviderNamesAsync(this GonDbContext db, IEnumerable<Guid> providerIds, CancellationToken ct)
    {
        var ids = providerIds.Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }
}
