namespace GonPortal.AppHost;

/// <summary>One host to start: which dll, where, with which environment, and how to see it is up.</summary>
internal sealed record HostSpec(
    string Name,
    string DllPath,
    string WorkingDirectory,
    Uri HealthUrl,
    IReadOnlyList<int> Ports,
    IReadOnlyDictionary<string, string> Environment);

/// <summary>The three hosts of GonPortal and how they point at each other.</summary>
internal static class HostPlan
{
    public static IReadOnlyList<HostSpec> Create(RepositoryLayout layout, LaunchOptions options)
    {
        var identityUrl = Local(options.IdentityPort);
        var serverGrpcUrl = Local(options.ServerGrpcPort);
        var serverHttpUrl = Local(options.ServerHttpPort);
        var portalUrl = Local(options.PortalPort);
        var data = layout.DataDirectory;

        // Every host runs in its project folder (its content root, so its appsettings*.json apply);
        // SQLite files and generated keys are pointed at the repository's gitignored .data/ folder.
        return
        [
            Host(layout, "identity", "Identity", new Uri($"{identityUrl}/health"), [options.IdentityPort], new()
            {
                ["ASPNETCORE_URLS"] = identityUrl,
                ["Identity__Portal__BaseUrl"] = portalUrl,
                // The jobs dashboard signs in through the Server's HTTP/1.1 endpoint; Identity registers its redirect URIs there.
                ["Identity__Dashboard__BaseUrl"] = serverHttpUrl,
                ["ConnectionStrings__Identity"] = $"Data Source={Path.Combine(data, "identity.db")}",
                ["Identity__KeyDirectory"] = Path.Combine(data, "identity-keys"),
                // No SMTP server locally: invitations and reset links land as .eml files (the banner prints the folder).
                ["Email__PickupDirectory"] = layout.MailDirectory,
            }),
            Host(layout, "server", "Server", new Uri($"{serverHttpUrl}/health"), [options.ServerGrpcPort, options.ServerHttpPort], new()
            {
                // Per-endpoint URLs keep the protocols the Server's appsettings give each port (h2c for gRPC, HTTP/1.1 for health and the jobs dashboard).
                ["Kestrel__Endpoints__Grpc__Url"] = serverGrpcUrl,
                ["Kestrel__Endpoints__Http__Url"] = serverHttpUrl,
                ["Identity__Authority"] = identityUrl,
                ["ConnectionStrings__Gon"] = $"Data Source={Path.Combine(data, "gon.db")}",
                ["Seed__Demo"] = "true",
                ["Seed__DemoHours"] = "true",
                // The demo lives on 15 January 2028, after the first contract year, so 2027 has a year of hours.
                ["Clock__Today"] = "2028-01-15",
            }),
            Host(layout, "portal", "Portal", new Uri($"{portalUrl}/health"), [options.PortalPort], new()
            {
                ["ASPNETCORE_URLS"] = portalUrl,
                ["Identity__Authority"] = identityUrl,
                ["Server__GrpcUrl"] = serverGrpcUrl,
                // Same demo day as the Server, so the hour grid and the reports open on weeks and months with data.
                ["Clock__Today"] = "2028-01-15",
            }),
        ];
    }

    public static string Local(int port) => $"http://localhost:{port}";

    private static HostSpec Host(RepositoryLayout layout, string name, string project, Uri health, int[] ports, Dictionary<string, string> environment)
    {
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return new HostSpec(name, layout.HostDll(project), layout.ProjectDirectory(project), health, ports, environment);
    }
}
