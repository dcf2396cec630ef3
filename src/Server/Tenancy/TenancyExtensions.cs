using GonPortal.Server.Grpc;
using GonPortal.Server.Idempotency;

namespace GonPortal.Server.Tenancy;

public static class TenancyExtensions
{
    /// <summary>One <see cref="TenantContext"/> per call, resolved by <see cref="CallInterceptor"/>.</summary>
    public static IHostApplicationBuilder AddGonTenancy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddScoped<CallInfo>();
        builder.Services.AddScoped<CrossTenantAccess>();
        builder.Services.AddScoped<SystemReads>();
        builder.Services.AddScoped<TenantBlindLookups>();
        builder.Services.AddScoped<IdempotentRequests>();
        return builder;
    }
}
