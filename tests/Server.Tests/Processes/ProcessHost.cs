using System.Collections.Concurrent;
using System.Diagnostics;

namespace GonPortal.Server.Tests.Processes;

/// <summary>
/// Identity or Server as a real child process (<c>dotnet GonPortal.X.dll</c>, built once with the tests),
/// configured through environment variables. <see cref="Kill"/> is SIGKILL: no shutdown code runs, as
/// when a machine loses power. The last lines of its output are kept for a failing test's message.
/// </summary>
public sealed class ProcessHost : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ProcessStartInfo _start;
    private Process _process;

    private ProcessHost(string name, ProcessStartInfo start, Uri healthUrl)
    {
        Name = name;
        _start = start;
        HealthUrl = healthUrl;
        _process = Launch();
    }

    public string Name { get; }
    public Uri HealthUrl { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>The built host of <paramref name="project"/> ("Identity", "Server") next to these tests' own build.</summary>
    public static ProcessHost Start(string name, string project, IReadOnlyDictionary<string, string> environment, Uri healthUrl)
    {
        var root = RepositoryRoot();
        // These tests run from tests/Server.Tests/bin/<configuration>/net10.0; the hosts were built into their own bin with the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(root, "src", project, "bin", configuration, "net10.0", $"GonPortal.{project}.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built.");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.Combine(root, "src", project),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return new ProcessHost(name, start, healthUrl);
    }

    private Process Launch()
    {
        var process = Process.Start(_start)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is { Length: > 0 })
        {
            _output.Enqueue(line);
            while (_output.Count > 400 && _output.TryDequeue(out _))
            {
            }
        }
    }

    public string RecentOutput => $"[{Name}]\n" + string.Join('\n', _output.TakeLast(60));

    /// <summary>Whether the process printed a line containing <paramref name="text"/> lately.</summary>
    public bool Printed(string text) => _output.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits until /health answers 200 (migrations and seeding done, Kestrel listening).</summary>
    public async Task WaitHealthyAsync(TimeSpan? within = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(300));
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"{Name} exited with {(_process.HasExited ? _process.ExitCode : 0)}.\n{RecentOutput}");
            try
            {
                using var response = await http.GetAsync(HealthUrl);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{Name} did not become healthy at {HealthUrl}.\n{RecentOutput}");
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts the same host again (after <see cref="KillAsync"/>), with the same settings and ports.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        _process.Dispose();
        _process = Launch();
        await WaitHealthyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GonPortal.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The tests must run inside the repository.");
    }
}
