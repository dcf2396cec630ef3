using System.Net;
using System.Net.Sockets;

namespace GonPortal.AppHost;

/// <summary>Starts the hosts, waits until each is healthy, and stops them all together.</summary>
internal sealed class Launcher(RepositoryLayout layout, LaunchOptions options, ConsoleOutput output)
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private static readonly ConsoleColor[] Colours = [ConsoleColor.Cyan, ConsoleColor.Magenta, ConsoleColor.Green];

    public async Task<int> RunAsync(CancellationToken stopRequested)
    {
        var hosts = HostPlan.Create(layout, options);
        if (!Preflight(hosts))
        {
            return 1;
        }

        Directory.CreateDirectory(layout.DataDirectory);
        var dotnet = DotnetHost.Find();
        var children = hosts.Select((host, i) => new ChildProcess(host, dotnet, output, Colours[i % Colours.Length])).ToList();

        // Last resort: whatever happens to the launcher, do not leave hosts behind.
        using var exitRegistration = new ProcessExitGuard(children);
        try
        {
            foreach (var child in children)
            {
                output.AppHost($"starting {child.Spec.Name}: dotnet {Path.GetRelativePath(layout.Root, child.Spec.DllPath)}");
                child.Start();
            }

            var firstExit = Task.WhenAny(children.Select(async c => (Child: c, Code: await c.Exited))).Unwrap();
            using var startup = CancellationTokenSource.CreateLinkedTokenSource(stopRequested);
            startup.CancelAfter(options.StartupTimeout);
            var healthy = Task.WhenAll(children.Select(c => WaitHealthyAsync(c, startup.Token)));

            var started = await Task.WhenAny(healthy, firstExit);
            if (started == firstExit)
            {
                return await DiedAsync(children, await firstExit, stopRequested);
            }

            try
            {
                await healthy;
            }
            catch (OperationCanceledException) when (stopRequested.IsCancellationRequested)
            {
                await StopAllAsync(children);
                return 0;
            }
            catch (OperationCanceledException)
            {
                var waiting = children.Where(c => !c.HasExited).Select(c => c.Spec.HealthUrl).ToList();
                output.AppHost($"Not every host became healthy within {options.StartupTimeout.TotalSeconds:0} s (still waiting for: {string.Join(", ", waiting)}). Stopping.");
                await StopAllAsync(children);
                return 1;
            }

            output.Block(Banner.Create(options, layout.MailDirectory));

            var stopped = Task.Delay(Timeout.Infinite, stopRequested);
            if (await Task.WhenAny(stopped, firstExit) == firstExit)
            {
                return await DiedAsync(children, await firstExit, stopRequested);
            }

            output.AppHost("stopping…");
            await StopAllAsync(children);
            output.AppHost("all hosts stopped.");
            return 0;
        }
        finally
        {
            foreach (var child in children)
            {
                child.Kill();
                child.Dispose();
            }
        }
    }

    private bool Preflight(IReadOnlyList<HostSpec> hosts)
    {
        var ok = true;
        foreach (var host in hosts)
        {
            if (!File.Exists(host.DllPath))
            {
                output.AppHost($"{host.Name}: {host.DllPath} is missing. Build the solution first (dotnet build), or run: dotnet run --project src/AppHost");
                ok = false;
            }

            foreach (var port in host.Ports.Where(port => !IsPortFree(port)))
            {
                output.AppHost($"{host.Name}: port {port} is already in use (is GonPortal already running?). Stop that process or choose other ports (--help).");
                ok = false;
            }
        }

        return ok;
    }

    private async Task WaitHealthyAsync(ChildProcess child, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (child.HasExited)
            {
                return; // reported by the exit watcher
            }

            try
            {
                using var response = await http.GetAsync(child.Spec.HealthUrl, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    output.AppHost($"{child.Spec.Name} is healthy ({child.Spec.HealthUrl}).");
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // this attempt timed out
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private async Task<int> DiedAsync(IReadOnlyList<ChildProcess> children, (ChildProcess Child, int Code) died, CancellationToken stopRequested)
    {
        if (stopRequested.IsCancellationRequested)
        {
            // Ctrl+C in a terminal reaches the hosts too; one that stopped first is no failure.
            await StopAllAsync(children);
            return 0;
        }

        output.AppHost($"{died.Child.Spec.Name} exited unexpectedly with code {died.Code}; stopping the other hosts.");
        await StopAllAsync(children);
        return 1;
    }

    private static Task StopAllAsync(IEnumerable<ChildProcess> children) =>
        Task.WhenAll(children.Select(c => c.StopAsync(StopGrace)));

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Kills the hosts if the launcher process exits without stopping them.</summary>
    private sealed class ProcessExitGuard : IDisposable
    {
        private readonly IReadOnlyList<ChildProcess> _children;

        public ProcessExitGuard(IReadOnlyList<ChildProcess> children)
        {
            _children = children;
            AppDomain.CurrentDomain.ProcessExit += OnExit;
        }

        public void Dispose() => AppDomain.CurrentDomain.ProcessExit -= OnExit;

        private void OnExit(object? sender, EventArgs e)
        {
            foreach (var child in _children)
            {
                child.Kill();
            }
        }
    }
}
