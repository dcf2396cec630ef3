using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Identity.Data;

/// <summary>
/// The Identity database: ASP.NET Core Identity users plus the OpenIddict tables.
/// It is abstract because EF Core keeps one model snapshot per context type: each database
/// provider gets its own small derived context (and so its own migrations folder), while the
/// model itself is defined once, here. Services depend on this base type only.
/// </summary>
public abstract class IdentityDb(DbContextOptions options) : IdentityDbContext<GonUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core data-protection keys when several instances share the database (Extensions/SharedInstanceExtensions).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Generated signing and encryption keys when <c>Identity:KeyStore</c> is "Database".</summary>
    public DbSet<SharedKey> SharedKeys => Set<SharedKey>();

    /// <summary>The organisations whose people and clients may sign in.</summary>
    public DbSet<Organisation> Organisations => Set<Organisation>();

    /// <summary>
    /// The Identity store settings that shape the model. IdentityDbContext reads them from the
    /// application's DI container, so the host (AddIdentity) and the contexts created outside DI
    /// (dotnet-ef, tests) must apply the same values or migrations drift from the runtime model.
    /// Schema version 3 is the .NET 10 default (it adds the passkey table).
    /// </summary>
    public static void ConfigureStore(StoreOptions store)
    {
        store.SchemaVersion = IdentitySchemaVersions.Version3;
        store.MaxLengthForKeys = 128;
        store.ProtectPersonalData = false;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // OpenIddict's applications, authorizations, scopes and tokens live in the same database.
        builder.UseOpenIddict();

        builder.Entity<GonUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(GonUser.DisplayNameMaxLength).IsRequired();
            user.Property(u => u.OrganisationName).HasMaxLength(GonUser.OrganisationNameMaxLength).IsRequired();
            user.Property(u => u.Role).HasMaxLength(GonUser.RoleMaxLength).IsRequired();
            user.HasIndex(u => u.OrganisationId);
            user.Property(u => u.InvitationTokenHash).HasMaxLength(64);
            user.Ignore(u => u.IsActive);
        });

        builder.Entity<SharedKey>(key =>
        {
            key.ToTable("SharedKeys");
            key.HasKey(k => k.Name);
            key.Property(k => k.Name).HasMaxLength(32);
            key.Property(k => k.Pem).IsRequired();
        });

        builder.Entity<Organisation>(organisation =>
        {
            organisation.ToTable("Organisations");
            organisation.HasKey(o => o.Id);
            organisation.Property(o => o.Id).ValueGeneratedNever();
            organisation.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
            organisation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
            organisation.Property(o => o.KvkNumber).HasMaxLength(8);
            organisation.Property(o => o.AgbCode).HasMaxLength(8);
            organisation.HasIndex(o => o.KvkNumber).IsUnique();
            organisation.Ignore(o => o.Role);
        });
    }
}
