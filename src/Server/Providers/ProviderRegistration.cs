using GonPortal.Domain.Providers;
using GonPortal.Domain.Validation;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Providers;

/// <summary>
/// Enters a provider in the register: the domain's rules (<see cref="Provider.Register"/>) plus the KvK number's
/// uniqueness. Adds it to the context without saving, so the caller stores it in the same SaveChanges as its
/// idempotency record and audit entry. CreateProvider, CreateOrganisation and the demo seeding all come here.
/// </summary>
public sealed class ProviderRegistration(GonDbContext db, TimeProvider clock)
{
    public async Task<Provider> RegisterAsync(Guid id, string name, ProviderKind? kind, string kvk, string? agb, CancellationToken ct)
    {
        var provider = Provider.Register(id, name, kind, kvk, agb, clock.GetUtcNow());
        if (await db.Providers.AnyAsync(p => p.KvkNumber == provider.KvkNumber, ct))
        {
            new Violations().Add("kvk_number", "is already registered for another provider").ThrowIfAny();
        }
        db.Providers.Add(provider);
        return provider;
    }

    /// <summary>
    /// Changes the provider's name, KvK number and AGB code when the organisation is one (the gemeente and WIJ are not in
    /// the register: null). Changed in the context without saving, like <see cref="RegisterAsync"/>.
    /// </summary>
    public async Task<Provider?> UpdateAsync(Guid id, string name, string kvk, string? agb, CancellationToken ct)
    {
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null)
        {
            return null;
        }
        provider.Update(name, kvk, agb);
        if (await db.Providers.AnyAsync(p => p.KvkNumber == provider.KvkNumber && p.Id != id, ct))
        {
            new Violations().Add("kvk_number", "is already registered for another provider").ThrowIfAny();
        }
        return provider;
    }
}
