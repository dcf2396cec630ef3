using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GonPortal.AppHost;

/// <summary>A host started as <c>dotnet &lt;dll&gt;</c>, its output prefixed with its name.</summary>
internal sealed class ChildProcess(HostSpec spec, string dotnet, ConsoleOutput output, ConsoleColor colour) : IDisposable
{
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public HostSpec Spec => spec;

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public void Start()
    {
        var startInfo = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // the hosts must not read the launcher's console
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(spec.DllPath);
        foreach (var (key, value) in spec.Environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.Exited += (_, _) =>
        {
            // Let the asynchronous readers drain before reporting the exit.
            process.WaitForExit();
            _exited.TrySetResult(process.ExitCode);
        };

        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {spec.Name}.");
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Asks the process to stop (SIGTERM where there is one), then kills its whole tree after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        var process = _process;
        if (process is null || HasExited)
        {
            return;
        }

        try
        {
            if (!OperatingSystem.IsWindows())
            {
                _ = SendSignal(process.Id, SigTerm);
            }
            else
            {
                grace = TimeSpan.Zero;
            }

            await Exited.WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            output.AppHost($"{spec.Name} did not stop within {grace.TotalSeconds:0} s; killing it.");
        }
        catch (InvalidOperationException)
        {
            return; // already gone
        }

        Kill();
    }

    /// <summary>Kills the process tree at once (used when the launcher itself is going away).</summary>
    public void Kill()
    {
        try
        {
            if (_process is { } process && !process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // already exiting
        }
    }

    public void Dispose() => _process?.Dispose();

    private void Forward(string? line)
    {
        if (line is not null)
        {
            output.Line(spec.Name, line, colour);
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
