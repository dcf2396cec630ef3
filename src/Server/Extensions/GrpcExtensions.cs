using GonPortal.Server.Administration;
using GonPortal.Server.Arrangements;
using GonPortal.Server.Audit;
using GonPortal.Server.Budgets;
using GonPortal.Server.Clients;
using GonPortal.Server.Grpc;
using GonPortal.Server.Hours;
using GonPortal.Server.Providers;
using GonPortal.Server.Reference;
using GonPortal.Server.Reporting;
using GonPortal.Server.Settlements;
using GonPortal.Server.Subcontracts;
using GonPortal.Server.WorkQueue;
using GonPortal.Server.YearOverview;
using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GonPortal.Server.Extensions;

public static class GrpcExtensions
{
    /// <summary>
    /// The largest request message: a 1 MB PGB or conversion CSV, or 1,000 hour entries, with room to spare.
    /// Bigger is RESOURCE_EXHAUSTED from the gRPC layer before anything is read.
    /// </summary>
    public const int MaxReceiveMessageBytes = 4 * 1024 * 1024;

    public static IHostApplicationBuilder AddGonGrpc(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<CallInterceptor>();
            // Exception texts may name hosts, users or SQL: only for local debugging, switched on explicitly.
            o.EnableDetailedErrors = builder.Configuration.GetValue<bool>("Grpc:EnableDetailedErrors");
            o.MaxReceiveMessageSize = MaxReceiveMessageBytes;
        });
        // Unreadable request bodies are refused with our error model (see GuardedServiceMethodProvider).
        builder.Services.RemoveAll(typeof(IServiceMethodProvider<>));
        builder.Services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(GuardedServiceMethodProvider<>));
        builder.Services.AddGonClientServices();
        builder.Services.AddGonArrangementServices();
        builder.Services.AddScoped<Conversion.ConversionImport>();
        builder.Services.AddGonHourServices();
        builder.Services.AddGonSubcontractServices();
        builder.Services.AddGonBudgetServices();
        builder.Services.AddGonReportingServices();
        builder.Services.AddGonYearOverviewServices();
        builder.Services.AddGonProviderServices();
        builder.Services.AddGonAdministration(builder.Configuration);
        builder.Services.AddScoped<WorkQueueQuery>();
        builder.Services.AddGonAuditServices(builder.Configuration);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddGrpcReflection();
        }
        builder.Services.AddGrpcHealthChecks().AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        return builder;
    }

    /// <summary>
    /// gon.v1 services require a caller; health (grpc.health.v1 and GET /health) does not. Reflection, also
    /// anonymous, is mapped in Development only (grpcurl against a local run): elsewhere it would hand anyone the
    /// full API surface. Clients compile the protos and need no reflection.
    /// </summary>
    public static WebApplication MapGonServices(this WebApplication app)
    {
        app.UseGrpcBodyRateForCallers();
        app.MapGrpcService<ReferenceGrpcService>();
        app.MapGrpcService<ProviderGrpcService>();
        app.MapGrpcService<SubcontractGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<ClientGrpcService>();
        app.MapGrpcService<SupportArrangementGrpcService>();
        app.MapGrpcService<HourGrpcService>();
        app.MapGrpcService<ReportingGrpcService>();
        app.MapGrpcService<YearOverviewGrpcService>();
        app.MapGrpcService<BudgetGrpcService>();
        app.MapGrpcService<SettlementGrpcService>();
        app.MapGrpcService<AdministrationGrpcService>();
        app.MapGrpcService<MachineClientGrpcService>();
        app.MapGrpcService<WorkQueueGrpcService>();
        app.MapGrpcService<Conversion.ConversionGrpcService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }

        app.MapGet("/health", () => Results.Ok("healthy")).AllowAnonymous();
        return app;
    }
}
