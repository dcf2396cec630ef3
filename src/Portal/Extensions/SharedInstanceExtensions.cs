using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Portal.Extensions;

/// <summary>
/// "Instances:Shared" true: this is one of several Portal instances behind one address. The portal has
/// no database of its own, so its data-protection keys (sign-in cookie, antiforgery, the OpenID Connect
/// correlation) go to the table DataProtectionKeys of the database named by
/// "ConnectionStrings:DataProtection" ("Instances:DataProtectionProvider" Postgres, the default, or
/// SqlServer) — normally the Server's, whose migrations create that table. Its own application name
/// keeps its payloads apart from the Server's in the same table. Interactive pages hold a circuit on
/// one instance, so the address in front needs sticky sessions (see the README).
/// </summary>
public static class SharedInstanceExtensions
{
    public static WebApplicationBuilder AddPortalSharedInstances(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue("Instances:Shared", false))
        {
            return builder;
        }
        var connectionString = builder.Configuration.GetConnectionString("DataProtection")
            ?? throw new InvalidOperationException("Instances:Shared needs ConnectionStrings:DataProtection (the Server's database).");
        var sqlServer = string.Equals(builder.Configuration["Instances:DataProtectionProvider"], "SqlServer", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddDbContext<PortalKeysDb>(o =>
        {
            if (sqlServer)
            {
                o.UseSqlServer(connectionString);
            }
            else
            {
                o.UseNpgsql(connectionString);
            }
        });
        builder.Services.AddDataProtection()
            .SetApplicationName("GonPortal.Portal")
            .PersistKeysToDbContext<PortalKeysDb>();
        return builder;
    }
}

/// <summary>The one table the portal reads and writes: data-protection keys (created by the Server's migrations).</summary>
internal sealed class PortalKeysDb(DbContextOptions<PortalKeysDb> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
