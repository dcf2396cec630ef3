using GonPortal.Contracts.V1;
using GonPortal.Portal.Authentication;
using GonPortal.Portal.ServerApi;

namespace GonPortal.Portal.Extensions;

/// <summary>gRPC clients for the Server, each call carrying the signed-in person's access token.</summary>
public static class GrpcClientExtensions
{
    /// <summary>The configuration key of the Server's gRPC address.</summary>
    public const string GrpcUrlKey = "Server:GrpcUrl";

    public const string DefaultGrpcUrl = "http://localhost:5200";

    public static WebApplicationBuilder AddGonServerClients(this WebApplicationBuilder builder)
    {
        var address = new Uri(builder.Configuration[GrpcUrlKey] ?? DefaultGrpcUrl, UriKind.Absolute);

        builder.Services.AddGonClient<ProviderService.ProviderServiceClient>(address);
        builder.Services.AddGonClient<SubcontractService.SubcontractServiceClient>(address);
        builder.Services.AddGonClient<ReferenceService.ReferenceServiceClient>(address);
        builder.Services.AddGonClient<ClientService.ClientServiceClient>(address);
        builder.Services.AddGonClient<SupportArrangementService.SupportArrangementServiceClient>(address);
        builder.Services.AddGonClient<HourService.HourServiceClient>(address);
        builder.Services.AddGonClient<ReportingService.ReportingServiceClient>(address);
        builder.Services.AddGonClient<AuditService.AuditServiceClient>(address);
        builder.Services.AddGonClient<BudgetService.BudgetServiceClient>(address);
        builder.Services.AddGonClient<SettlementService.SettlementServiceClient>(address);
        builder.Services.AddGonClient<AdministrationService.AdministrationServiceClient>(address);
        builder.Services.AddGonClient<MachineClientService.MachineClientServiceClient>(address);
        builder.Services.AddGonClient<WorkQueueService.WorkQueueServiceClient>(address);
        builder.Services.AddGonClient<ConversionService.ConversionServiceClient>(address);
        builder.Services.AddGonClient<YearOverviewService.YearOverviewServiceClient>(address);
        builder.Services.AddScoped<PurposeContext>();
        builder.Services.AddScoped<GonServerClient>();
        return builder;
    }

    private static void AddGonClient<TClient>(this IServiceCollection services, Uri address)
        where TClient : class
    {
        // An http:// address makes Grpc.Net.Client speak HTTP/2 with prior knowledge (h2c), as the Server expects.
        services.AddGrpcClient<TClient>(options => options.Address = address)
            .ConfigureChannel(channel =>
            {
                // Call credentials are withheld on plain-text channels unless allowed; the Server only listens
                // on cleartext locally (behind TLS termination elsewhere).
                channel.UnsafeUseInsecureChannelCallCredentials = address.Scheme == Uri.UriSchemeHttp;
            })
            .AddCallCredentials(async (context, metadata, serviceProvider) =>
            {
                // serviceProvider is the scope that created the client: the request or the Blazor circuit,
                // whose UserTokenStore holds the tokens captured at render start.
                var tokens = serviceProvider.GetRequiredService<AccessTokenProvider>();
                var accessToken = await tokens.GetAccessTokenAsync(context.CancellationToken);
                if (!string.IsNullOrEmpty(accessToken))
                {
                    metadata.Add("Authorization", $"Bearer {accessToken}");
                }
            });
    }
}
