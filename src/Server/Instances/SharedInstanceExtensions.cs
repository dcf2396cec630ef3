using GonPortal.Server.Data;
using Microsoft.AspNetCore.DataProtection;

namespace GonPortal.Server.Instances;

public static class SharedInstanceExtensions
{
    /// <summary>
    /// "Instances:Shared" true: this is one of several Server instances on one PostgreSQL (or SQL
    /// Server) database behind one address. Data-protection keys (the jobs dashboard's sign-in cookie
    /// and its OpenID Connect correlation) then live in the database (table DataProtectionKeys) under
    /// one application name, so a sign-in made at one instance holds at every other. The job queue,
    /// recurring jobs and settlement runs are shared through the database in any case (JobExtensions,
    /// SettlementRunJob). Off (the default): keys stay in the instance's own key folder.
    /// </summary>
    public static IHostApplicationBuilder AddGonSharedInstances(this IHostApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue("Instances:Shared", false))
        {
            return builder;
        }
        builder.Services.AddDataProtection()
            .SetApplicationName("GonPortal.Server")
            .PersistKeysToDbContext<GonDbContext>();
        return builder;
    }
}
