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
}
