using System.Diagnostics;
using System.Reflection;

namespace GonPortal.Bench;

/// <summary>Identity and Server as real child processes, so the server's memory is its own.</summary>
internal sealed class Hosts : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private volatile bool _stopping;

    public Process Server { get; private set; } = null!;

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GonPortal.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }

    private static string Configuration() =>
        typeof(Hosts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BuildConfiguration").Value!;

    public async Task StartAsync(string dataDir, string dbProvider, string serverConnection, int basePort, IReadOnlyDictionary<string, string>? serverSettings = null)
    {
        var root = RepoRoot();
        var identityUrl = $"http://127.0.0.1:{basePort}";
        Start(root, "Identity", "GonPortal.Identity.dll", new()
        {
            ["ASPNETCORE_URLS"] = identityUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Identity"] = $"Data Source={Path.Combine(dataDir, "identity.db")}",
            ["Identity__KeyDirectory"] = Path.Combine(dataDir, "keys"),
            // BenchCalls fetches one token per run, and filling millions of rows takes longer than the 10-minute default.
            ["Identity__Tokens__AccessTokenMinutes"] = "240",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var serverEnv = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["PersonalData__Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{basePort + 1}",
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{basePort + 2}",
            ["Database__Provider"] = dbProvider,
            ["ConnectionStrings__Gon"] = serverConnection,
            ["Identity__Authority"] = identityUrl,
            ["Seed__Demo"] = "true",
            ["Clock__Today"] = "2028-01-15",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in serverSettings ?? new Dictionary<string, string>())
        {
            serverEnv[key] = value;
        }
        // GON_BENCH_SERVER_ENV="DOTNET_gcServer=0;DOTNET_GCHeapHardLimit=0x8000000" sets runtime knobs for the Server
        // process alone: set in the bench's own environment they would also bind the bench (the client).
        foreach (var pair in (Environment.GetEnvironmentVariable("GON_BENCH_SERVER_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            serverEnv[pair[..at].Trim()] = pair[(at + 1)..].Trim();
        }
        Server = Start(root, "Server", "GonPortal.Server.dll", serverEnv);
        using var http = new HttpClient();
        await WaitHealthy(http, $"{identityUrl}/health");
        await WaitHealthy(http, $"http://127.0.0.1:{basePort + 2}/health");
    }

    private Process Start(string root, string project, string dll, Dictionary<string, string> env)
    {
        var path = Path.Combine(root, "src", project, "bin", Configuration(), "net10.0", dll);
        var start = new ProcessStartInfo("dotnet", [path]) { WorkingDirectory = Path.Combine(root, "src", project), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in env)
        {
            start.Environment[k] = v;
        }
        var process = Process.Start(start)!;
        // A host that ends before the bench stops it says so: a failed call alone cannot tell a dead host from an aborted connection.
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => { if (!_stopping) Console.Error.WriteLine($"[{project}] exited by itself with code {process.ExitCode} at {DateTime.UtcNow:HH:mm:ss.fff} UTC"); };
        // GON_BENCH_HOST_LOG=<folder> keeps each host's whole output (e.g. with Logging__LogLevel__Microsoft.AspNetCore.Server.Kestrel=Debug).
        if (Environment.GetEnvironmentVariable("GON_BENCH_HOST_LOG") is { Length: > 0 } folder)
        {
            var log = new StreamWriter(Path.Combine(folder, $"{project}-{DateTime.UtcNow:HHmmss}.log")) { AutoFlush = true };
            process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        }
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine($"[{project}] {line}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"[{project}] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    private static async Task WaitHealthy(HttpClient http, string url)
    {
        for (var i = 0; i < 3000; i++) // up to 10 minutes: start-up with the demo data on a busy machine
        {
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{url} did not become healthy");
    }

    /// <summary>Peak resident memory of a process so far (VmHWM), in MiB.</summary>
    public static double PeakMiB(Process p) => ReadStatus(p, "VmHWM:");

    public static double CurrentMiB(Process p) => ReadStatus(p, "VmRSS:");

    private static double ReadStatus(Process p, string field)
    {
        var line = File.ReadLines($"/proc/{p.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0]) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        foreach (var p in _processes)
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync();
            }
        }
    }
}
