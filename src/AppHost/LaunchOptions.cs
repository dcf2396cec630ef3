using System.Globalization;

namespace GonPortal.AppHost;

/// <summary>Ports and timeouts of a run: command-line options win over environment variables over defaults.</summary>
internal sealed record LaunchOptions(int IdentityPort, int ServerGrpcPort, int ServerHttpPort, int PortalPort, TimeSpan StartupTimeout)
{
    public static readonly LaunchOptions Default = new(5100, 5200, 5201, 5300, TimeSpan.FromSeconds(180));

    private static readonly (string Option, string Variable, string Description)[] Settings =
    [
        ("--identity-port", "GON_IDENTITY_PORT", "port of Identity (default 5100)"),
        ("--server-port", "GON_SERVER_PORT", "gRPC port of the Server, cleartext HTTP/2 (default 5200)"),
        ("--server-http-port", "GON_SERVER_HTTP_PORT", "HTTP/1.1 port of the Server: /health and /hangfire (default 5201)"),
        ("--portal-port", "GON_PORTAL_PORT", "port of the Portal (default 5300)"),
        ("--startup-timeout", "GON_STARTUP_TIMEOUT", "seconds to wait for every /health (default 180)"),
    ];

    public static string Usage =>
        "Usage: dotnet run --project src/AppHost [-- options]\n\nStarts Identity, Server and Portal, waits until they are healthy and keeps them running until Ctrl+C.\n\nOptions (or environment variables):\n"
        + string.Join('\n', Settings.Select(s => $"  {s.Option} <n>  ({s.Variable})  {s.Description}"))
        + "\n  -h, --help  show this text";

    /// <summary>Parses the options; null when help was asked for. Throws <see cref="ArgumentException"/> on bad input.</summary>
    public static LaunchOptions? Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (option, variable, _) in Settings)
        {
            if (environment(variable) is { Length: > 0 } value)
            {
                values[option] = value;
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?")
            {
                return null;
            }

            var (name, inline) = arg.Split('=', 2) is [var n, var v] ? (n, v) : (arg, null);
            if (!Settings.Any(s => s.Option == name))
            {
                throw new ArgumentException($"Unknown option '{arg}'.");
            }

            values[name] = inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option '{name}' needs a value."));
        }

        var options = new LaunchOptions(
            Port(values, "--identity-port", Default.IdentityPort),
            Port(values, "--server-port", Default.ServerGrpcPort),
            Port(values, "--server-http-port", Default.ServerHttpPort),
            Port(values, "--portal-port", Default.PortalPort),
            TimeSpan.FromSeconds(Number(values, "--startup-timeout", (int)Default.StartupTimeout.TotalSeconds, 1, 3600)));

        var ports = new[] { options.IdentityPort, options.ServerGrpcPort, options.ServerHttpPort, options.PortalPort };
        if (ports.Distinct().Count() != ports.Length)
        {
            throw new ArgumentException($"The four ports must differ: {string.Join(", ", ports)}.");
        }

        return options;
    }

    private static int Port(Dictionary<string, string> values, string option, int fallback) =>
        Number(values, option, fallback, 1, 65535);

    private static int Number(Dictionary<string, string> values, string option, int fallback, int min, int max)
    {
        if (!values.TryGetValue(option, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{option} must be a number from {min} to {max}, not '{text}'.");
    }
}
