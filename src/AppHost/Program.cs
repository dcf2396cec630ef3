using System.Runtime.InteropServices;
using GonPortal.AppHost;

var output = new ConsoleOutput();

LaunchOptions? options;
try
{
    options = LaunchOptions.Parse(args, Environment.GetEnvironmentVariable);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LaunchOptions.Usage);
    return 2;
}

if (options is null)
{
    Console.WriteLine(LaunchOptions.Usage);
    return 0;
}

RepositoryLayout layout;
try
{
    layout = RepositoryLayout.Locate();
}
catch (InvalidOperationException ex)
{
    output.AppHost(ex.Message);
    return 1;
}

// Ctrl+C, SIGTERM and SIGQUIT all mean: stop the hosts, then exit.
using var stop = new CancellationTokenSource();
void RequestStop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);
using var onQuit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, RequestStop);

return await new Launcher(layout, options, output).RunAsync(stop.Token);
