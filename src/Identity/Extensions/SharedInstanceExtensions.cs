using GonPortal.Identity.Configuration;
using GonPortal.Identity.Data;
using Microsoft.AspNetCore.DataProtection;

namespace GonPortal.Identity.Extensions;

public static class SharedInstanceExtensions
{
    /// <summary>
    /// "Instances:Shared" true: this is one of several Identity instances on one database behind one
    /// address. Data-protection keys (sign-in cookie, antiforgery, two-factor and invitation tokens)
    /// then live in the database under one application name, and generated signing and encryption
    /// keys too (<see cref="IdentitySettings.KeyStore"/> "Database"), so a cookie or token made by one
    /// instance is read by every other. Off (the default): keys stay in files next to the instance.
    /// </summary>
    public static WebApplicationBuilder AddSharedInstances(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue("Instances:Shared", false))
        {
            return builder;
        }
        builder.Services.AddDataProtection()
            .SetApplicationName("GonPortal.Identity")
            .PersistKeysToDbContext<IdentityDb>();
        builder.Services.PostConfigure<IdentitySettings>(s => s.KeyStore = IdentitySettings.DatabaseKeyStore);
        return builder;
    }
}
