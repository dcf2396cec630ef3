using Grpc.AspNetCore.Server;
using Microsoft.OpenApi.Models;
using GuardedProvider = GonPortal.Server.Grpc.GuardedServiceMethodProvider<object>;
using ServiceMethodProvider = Grpc.AspNetCore.Server.Model.IServiceMethodProvider<object>;

namespace GonPortal.Server.Rest;

/// <summary>
/// REST/JSON beside gRPC for systems that cannot speak gRPC (ECDs): the protos' <c>google.api.http</c> rules are served by
/// gRPC JSON transcoding under <see cref="BasePath"/>, on the same services, tokens, tenancy, interceptor and error model
/// (errors as problem details, <see cref="RestProblemMiddleware"/>). The OpenAPI 3 document (<see cref="OpenApiPath"/>) is
/// generated from the same descriptors (Microsoft.AspNetCore.Grpc.Swagger) and browsable at <see cref="ReferencePath"/>
/// (Swagger UI, its files embedded in the package: no CDN). Both are public: they describe the API, not its data.
/// </summary>
public static class RestExtensions
{
    public const string BasePath = "/api/v1";
    public const string OpenApiPath = "/api/v1/openapi.json";
    public const string ReferencePath = "/api/v1/docs";
    private const string SecurityScheme = "bearer";

    /// <summary>Call after <c>AddGonGrpc</c>: that one replaces the service method providers, and transcoding adds its own beside them.</summary>
    public static IHostApplicationBuilder AddGonRest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc().AddJsonTranscoding(o => o.TypeRegistry = RestProblemMapping.ErrorDetailTypes);
        // Outermost, so it sees the status the CallInterceptor made of any exception.
        builder.Services.Configure<GrpcServiceOptions>(o =>
        {
            o.Interceptors.Add<RestErrorCapture>();
            var capture = o.Interceptors[^1];
            o.Interceptors.RemoveAt(o.Interceptors.Count - 1);
            o.Interceptors.Insert(0, capture);
        });
        builder.Services.AddGrpcSwagger();
        KeepGuardedBinding(builder.Services);
        builder.Services.AddSwaggerGen(c =>
        {
            c.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "GonPortal API",
                Version = RestProblemMiddleware.ApiVersion,
                Description = "REST/JSON-koppeling van GonPortal (GON-zorgnetwerk Groningen) voor ECD's: cliënten, ondersteuning, "
                    + "uren, onderaannemingen en specificaties. Dezelfde gegevens en regels als de gRPC-diensten (gon.v1). "
                    + "Aanmelden met een toegangstoken van Identity (client credentials, scope gon.api) als Bearer-token. "
                    + "Fouten zijn problem details (RFC 9457) met de ongeldige velden in invalid-params.",
            });
            // The REST interface shows google.type.Date as an ISO 8601 date (RestDateMiddleware converts both ways).
            c.MapType<Google.Type.Date>(DateSchema);
            c.OperationFilter<RestDateOperationFilter>();
            c.DocumentFilter<ExportDocumentFilter>(); // the exports are a plain endpoint, not a transcoded RPC
            c.DocInclusionPredicate((_, api) => api.RelativePath?.StartsWith(BasePath[1..] + "/", StringComparison.Ordinal) == true);
            c.AddSecurityDefinition(SecurityScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Toegangstoken van Identity (/connect/token), 10 minuten geldig.",
            });
            c.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = SecurityScheme } }] = [],
            });
        });
        return builder;
    }

    /// <summary>How the REST interface shows a google.type.Date: an ISO 8601 date string.</summary>
    public static OpenApiSchema DateSchema() =>
        new() { Type = "string", Format = "date", Example = new Microsoft.OpenApi.Any.OpenApiString("2027-03-01") };

    /// <summary>
    /// <c>AddGrpc()</c>, called again by transcoding and Grpc.Swagger, re-adds Grpc.AspNetCore's default binder that
    /// <c>AddGonGrpc</c> replaced, which would map every gRPC method twice (an ambiguous route: HTTP 500). Only our guarded
    /// binder (gRPC routes) and the transcoding provider (HTTP routes of the google.api.http rules) stay.
    /// </summary>
    private static void KeepGuardedBinding(IServiceCollection services)
    {
        var transcoding = typeof(Microsoft.AspNetCore.Grpc.JsonTranscoding.GrpcJsonTranscodingOptions).Assembly;
        var stray = services.Where(d => d.ServiceType == typeof(ServiceMethodProvider).GetGenericTypeDefinition()
            && d.ImplementationType != typeof(GuardedProvider).GetGenericTypeDefinition() && d.ImplementationType?.Assembly != transcoding).ToList();
        foreach (var descriptor in stray)
        {
            services.Remove(descriptor);
        }
    }

    /// <summary>Before authentication: its 401 and 403 become problem details too, and the document and its page are public.</summary>
    public static WebApplication UseGonRest(this WebApplication app)
    {
        app.UseMiddleware<RestProblemMiddleware>();
        app.UseSwagger(o => o.RouteTemplate = "api/{documentName}/openapi.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = ReferencePath[1..];
            o.DocumentTitle = "GonPortal API";
            o.SwaggerEndpoint(OpenApiPath, "GonPortal API v1");
        });
        return app;
    }

    /// <summary>After authorization, just before the endpoints: ISO dates in and out of transcoded calls (<see cref="RestDateMiddleware"/>).</summary>
    public static WebApplication UseGonRestDates(this WebApplication app)
    {
        app.UseMiddleware<RestDateMiddleware>();
        return app;
    }
}
