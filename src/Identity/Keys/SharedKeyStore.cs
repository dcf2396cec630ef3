using GonPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Identity.Keys;

/// <summary>
/// Generated RSA keys kept in the Identity database (table SharedKeys), so that several Identity
/// instances on one database sign and decrypt with the same keys: a token issued by one is valid at
/// the other and at every Server. The first instance to need a key creates it; one that loses that
/// race reads the winner's. Migrates first, because the options that ask for a key may be built
/// before the start-up migration has run.
/// </summary>
internal static class SharedKeyStore
{
    public static string LoadOrCreate(IServiceScopeFactory scopes, string name)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        db.Database.Migrate();
        if (db.SharedKeys.AsNoTracking().SingleOrDefault(k => k.Name == name) is { } existing)
        {
            return existing.Pem;
        }
        db.SharedKeys.Add(new SharedKey { Name = name, Pem = PersistedRsaKey.NewPem(), CreatedAt = DateTimeOffset.UtcNow });
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException)
        {
            // Another instance stored its key first: use that one.
        }
        db.ChangeTracker.Clear();
        return db.SharedKeys.AsNoTracking().Single(k => k.Name == name).Pem;
    }
}
